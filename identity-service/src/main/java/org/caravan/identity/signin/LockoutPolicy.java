package org.caravan.identity.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * After {@code maxFailures} wrong passwords for one e-mail address within {@code failureWindow}, sign-in with
 * that address is refused for {@code lockDuration}, even with the right password. Attempts while locked neither
 * count nor extend the lock (a stranger cannot keep an account locked forever by guessing on); the first failure
 * after a lock ends starts a new count.
 */
public record LockoutPolicy(int maxFailures, Duration failureWindow, Duration lockDuration) {

    public LockoutPolicy {
        if (maxFailures < 1 || failureWindow.isNegative() || lockDuration.isNegative()) {
            throw new IllegalArgumentException("A lockout needs at least one failure and positive durations");
        }
    }

    /** What is remembered about one address: failures counted since {@code firstFailureAt}, and any lock. */
    public record State(int failures, Instant firstFailureAt, Instant lockedUntil) {

        public static final State CLEAR = new State(0, null, null);
    }

    /** Until when sign-in is refused, if it is now. */
    public Optional<Instant> lockedUntil(State state, Instant now) {
        return state.lockedUntil() != null && now.isBefore(state.lockedUntil())
                ? Optional.of(state.lockedUntil())
                : Optional.empty();
    }

    /** The state after one more wrong password at {@code now}. */
    public State afterFailure(State state, Instant now) {
        if (lockedUntil(state, now).isPresent()) {
            return state;
        }
        boolean countAfresh = state.firstFailureAt() == null
                || state.lockedUntil() != null
                || !now.isBefore(state.firstFailureAt().plus(failureWindow));
        int failures = countAfresh ? 1 : state.failures() + 1;
        Instant first = countAfresh ? now : state.firstFailureAt();
        return failures >= maxFailures
                ? new State(failures, first, now.plus(lockDuration))
                : new State(failures, first, null);
    }

    /** Whole minutes left of a lock, rounded up, for the message that tells the person. */
    public static long minutesLeft(Instant lockedUntil, Instant now) {
        long seconds = Math.max(0, Duration.between(now, lockedUntil).toSeconds());
        return Math.max(1, (seconds + 59) / 60);
    }
}
