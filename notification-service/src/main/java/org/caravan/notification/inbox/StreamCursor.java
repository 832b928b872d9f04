package org.caravan.notification.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Where one live inbox stream has got to. An entry is stamped when it is written but seen only when its transaction
 * commits, and an inbox copy is written inside the transaction of the consumer that handled the event: an entry
 * stamped 10:00:00.100 may commit after one stamped 10:00:00.200 that the stream has sent already, and a replica's
 * clock may run a little apart from another's. So each poll reads back a look-back period and sends only what it has
 * not sent; what falls out of the period is forgotten, so a stream's memory stays as small as its last half-minute.
 * Entries stamped before the stream opened are the inbox page's, which the app reads when it opens the stream.
 */
final class StreamCursor {

    /** Far longer than a consumer's transaction or the clocks' drift; short enough to read cheaply each second. */
    static final Duration LOOK_BACK = Duration.ofSeconds(30);

    private final Instant opened;
    private final Duration lookBack;
    private final Map<UUID, Instant> sent = new HashMap<>();

    StreamCursor(Instant opened, Duration lookBack) {
        this.opened = opened;
        this.lookBack = lookBack;
    }

    /** The stamp to read from at {@code now}; forgets the entries sent before it. */
    Instant readFrom(Instant now) {
        Instant back = now.minus(lookBack);
        Instant from = back.isAfter(opened) ? back : opened;
        sent.values().removeIf(stamp -> stamp.isBefore(from));
        return from;
    }

    /** True the first time an entry is seen, to send it; false when it was sent before. */
    boolean firstSight(InboxEntry entry) {
        return sent.putIfAbsent(entry.id(), entry.createdAt()) == null;
    }

    int remembered() {
        return sent.size();
    }
}
