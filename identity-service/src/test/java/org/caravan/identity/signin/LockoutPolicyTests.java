package org.caravan.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LockoutPolicyTests {

    private static final LockoutPolicy POLICY = new LockoutPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
    private static final Instant T0 = Instant.parse("2026-12-07T19:45:00Z");

    private static LockoutPolicy.State failures(int count, Instant from, Duration apart) {
        LockoutPolicy.State state = LockoutPolicy.State.CLEAR;
        for (int i = 0; i < count; i++) {
            state = POLICY.afterFailure(state, from.plus(apart.multipliedBy(i)));
        }
        return state;
    }

    @Test
    void fourFailuresDoNotLock() {
        LockoutPolicy.State state = failures(4, T0, Duration.ofSeconds(10));

        assertThat(state.failures()).isEqualTo(4);
        assertThat(POLICY.lockedUntil(state, T0.plusSeconds(40))).isEmpty();
    }

    @Test
    void theFifthFailureWithinTheWindowLocksForFifteenMinutesFromIt() {
        LockoutPolicy.State state = failures(5, T0, Duration.ofMinutes(3));
        Instant fifth = T0.plus(Duration.ofMinutes(12));

        assertThat(POLICY.lockedUntil(state, fifth)).contains(fifth.plus(Duration.ofMinutes(15)));
        assertThat(POLICY.lockedUntil(state, fifth.plus(Duration.ofMinutes(15)).minusMillis(1)))
                .isPresent();
        assertThat(POLICY.lockedUntil(state, fifth.plus(Duration.ofMinutes(15))))
                .isEmpty();
    }

    @Test
    void failuresSpreadBeyondTheWindowStartANewCount() {
        LockoutPolicy.State state = failures(5, T0, Duration.ofMinutes(4));

        assertThat(state.failures())
                .as("the fifth came 16 minutes after the first")
                .isEqualTo(1);
        assertThat(POLICY.lockedUntil(state, T0.plus(Duration.ofMinutes(16)))).isEmpty();
    }

    @Test
    void attemptsWhileLockedNeitherCountNorExtendTheLock() {
        LockoutPolicy.State locked = failures(5, T0, Duration.ofSeconds(1));
        Instant until = POLICY.lockedUntil(locked, T0.plusSeconds(5)).orElseThrow();

        LockoutPolicy.State later = POLICY.afterFailure(locked, T0.plus(Duration.ofMinutes(10)));

        assertThat(later).isEqualTo(locked);
        assertThat(POLICY.lockedUntil(later, T0.plus(Duration.ofMinutes(10)))).contains(until);
    }

    @Test
    void theFirstFailureAfterALockEndsStartsAFreshCount() {
        LockoutPolicy.State locked = failures(5, T0, Duration.ofSeconds(1));

        LockoutPolicy.State after = POLICY.afterFailure(locked, T0.plus(Duration.ofMinutes(20)));

        assertThat(after.failures()).isEqualTo(1);
        assertThat(after.lockedUntil()).isNull();
    }

    @Test
    void theMessageRoundsTheMinutesLeftUp() {
        Instant until = T0.plus(Duration.ofMinutes(15));

        assertThat(LockoutPolicy.minutesLeft(until, T0)).isEqualTo(15);
        assertThat(LockoutPolicy.minutesLeft(until, T0.plusSeconds(1))).isEqualTo(15);
        assertThat(LockoutPolicy.minutesLeft(until, until.minusSeconds(1))).isEqualTo(1);
        assertThat(LockoutPolicy.minutesLeft(until, until.plusSeconds(30))).isEqualTo(1);
    }
}
