package org.caravan.identity.password;

import java.time.Duration;
import java.time.Instant;

/**
 * A link sent by e-mail that lets its holder choose a password for one account, once, before it expires. Only
 * the SHA-256 of the link's token is stored, so the database never holds a usable link.
 */
public record OneTimeLink(String subject, Purpose purpose, Instant expiresAt, Instant usedAt) {

    public enum Purpose {
        /** The first password of an invited person. */
        INVITATION,
        /** A new password for someone who forgot theirs. */
        PASSWORD_RESET
    }

    public enum Status {
        USABLE,
        EXPIRED,
        USED
    }

    /** A link issued at {@code issuedAt} for {@code lifetime}: its last usable instant is just before the end. */
    public static Instant expiry(Instant issuedAt, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("A link must live for some time");
        }
        return issuedAt.plus(lifetime);
    }

    /** Used once is used for good; otherwise usable until the instant it expires, and expired from then on. */
    public Status statusAt(Instant now) {
        if (usedAt != null) {
            return Status.USED;
        }
        return now.isBefore(expiresAt) ? Status.USABLE : Status.EXPIRED;
    }
}
