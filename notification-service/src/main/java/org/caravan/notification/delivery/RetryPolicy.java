package org.caravan.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed send is tried again: after a pause that doubles from the first one up to the longest, until the
 * last try; a permanent failure is not tried again at all.
 */
record RetryPolicy(int maxAttempts, Duration firstPause, Duration longestPause) {

    /** After {@code attempts} tries, the last of which failed: when to try again, or empty to give up. */
    Optional<Instant> nextTry(int attempts, boolean permanent, Instant now) {
        return permanent || attempts >= maxAttempts ? Optional.empty() : Optional.of(now.plus(pauseAfter(attempts)));
    }

    Duration pauseAfter(int attempts) {
        Duration pause = firstPause.multipliedBy(1L << Math.min(Math.max(attempts, 1) - 1, 20));
        return pause.compareTo(longestPause) > 0 ? longestPause : pause;
    }
}
