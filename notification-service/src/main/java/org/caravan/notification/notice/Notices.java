package org.caravan.notification.notice;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.caravan.notification.delivery.Deliveries;
import org.caravan.notification.delivery.Delivery;
import org.caravan.notification.inbox.InboxChannel;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Queues a notice for delivery, inside the consumer's transaction: an inbox copy and the recipient's first
 * preferred channel, each once per (event, recipient), whatever the number of times the event arrives. The inbox
 * copy is made there and then, so it commits with the event's claim; the dispatcher sends the rest after commit.
 */
@Component
public class Notices {

    private final Deliveries deliveries;
    private final InboxChannel inbox;
    private final Clock clock;

    Notices(Deliveries deliveries, InboxChannel inbox, Clock clock) {
        this.deliveries = deliveries;
        this.inbox = inbox;
        this.clock = clock;
    }

    public Mono<Void> queue(UUID eventId, Notice notice) {
        return queue(eventId, notice, clock.instant());
    }

    /** Queues the notice to go at {@code notBefore} (quiet hours may put it later still). */
    public Mono<Void> queue(UUID eventId, Notice notice, Instant notBefore) {
        return queue(eventId, notice, 0, notBefore)
                .flatMap(inbox::copyAsQueued)
                .then(queue(eventId, notice, 1, notBefore))
                .then();
    }

    private Mono<Delivery> queue(UUID eventId, Notice notice, int rank, Instant notBefore) {
        return deliveries.queue(
                eventId, notice.recipient(), rank, notice.kind(), notice.subjectId(), notice.params(), notBefore);
    }
}
