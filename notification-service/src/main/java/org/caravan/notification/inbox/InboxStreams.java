package org.caravan.notification.inbox;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many live inbox streams each person holds on this replica: a few tabs and a phone, not thousands of
 * connections opened with one token to wear the service down.
 */
@Component
class InboxStreams {

    private final ConcurrentHashMap<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final int perPerson;

    InboxStreams(@Value("${caravan.notification.max-streams-per-person:5}") int perPerson) {
        this.perPerson = perPerson;
    }

    /** A stream for the person if they have fewer than the cap open; run what is returned when it closes. */
    Optional<Runnable> open(String subject) {
        AtomicInteger count = open.computeIfAbsent(subject, s -> new AtomicInteger());
        if (count.incrementAndGet() > perPerson) {
            release(subject, count);
            return Optional.empty();
        }
        return Optional.of(() -> release(subject, count));
    }

    private void release(String subject, AtomicInteger count) {
        if (count.decrementAndGet() <= 0) {
            open.remove(subject, count);
        }
    }

    int perPerson() {
        return perPerson;
    }
}
