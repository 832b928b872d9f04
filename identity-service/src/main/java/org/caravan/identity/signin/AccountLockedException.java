package org.caravan.identity.signin;

import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/** Sign-in refused because of repeated failures; says until when. */
public class AccountLockedException extends LockedException {

    private final transient Instant lockedUntil;

    public AccountLockedException(Instant lockedUntil) {
        super("Too many failed sign-ins; locked until " + lockedUntil);
        this.lockedUntil = lockedUntil;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }
}
