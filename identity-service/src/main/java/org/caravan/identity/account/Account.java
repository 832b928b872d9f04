package org.caravan.identity.account;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * A person who signs in. {@code subject} is the {@code sub} of their tokens, the same subject the services
 * already know them by (a volunteer's {@code subject} in volunteer-service); they sign in with their e-mail. An
 * invited person has no password until they choose one from the invitation's link.
 */
public record Account(
        String subject,
        String email,
        String name,
        Locale locale,
        Set<String> roles,
        String passwordHash,
        boolean enabled,
        Instant createdAt) {

    public boolean hasPassword() {
        return passwordHash != null;
    }

    public String status() {
        if (!enabled) {
            return "DISABLED";
        }
        return hasPassword() ? "ACTIVE" : "INVITED";
    }

    /** E-mail addresses are compared without regard to case or surrounding spaces. */
    public static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
