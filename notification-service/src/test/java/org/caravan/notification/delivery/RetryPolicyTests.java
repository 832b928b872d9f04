package org.caravan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTests {

    private static final Instant NOW = Instant.parse("2026-12-08T06:30:00Z");
    private static final RetryPolicy FIVE_TRIES = new RetryPolicy(5, Duration.ofSeconds(10), Duration.ofMinutes(10));

    @Test
    void theFirstFailureWaitsTheFirstPause() {
        assertThat(FIVE_TRIES.nextTry(1, false, NOW)).contains(NOW.plusSeconds(10));
    }

    @Test
    void eachFailureDoublesThePause() {
        assertThat(FIVE_TRIES.nextTry(2, false, NOW)).contains(NOW.plusSeconds(20));
        assertThat(FIVE_TRIES.nextTry(4, false, NOW)).contains(NOW.plusSeconds(80));
    }

    @Test
    void thePauseIsNeverLongerThanTheLongest() {
        assertThat(FIVE_TRIES.pauseAfter(7)).isEqualTo(Duration.ofMinutes(10));
        assertThat(FIVE_TRIES.pauseAfter(500)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void afterTheLastTryThereIsNoOther() {
        assertThat(FIVE_TRIES.nextTry(5, false, NOW)).isEmpty();
        assertThat(FIVE_TRIES.nextTry(6, false, NOW)).isEmpty();
    }

    @Test
    void aPermanentFailureIsNotTriedAgainEvenOnTheFirstTry() {
        assertThat(FIVE_TRIES.nextTry(1, true, NOW)).isEmpty();
    }
}
