package org.caravan.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a value fit to be a shared secret (an HMAC key) outside the {@code local} profile: set, at least
 * {@value #MINIMUM_BYTES} bytes, and none of the development values that Caravan's public source has ever
 * shipped. {@link SecretsCheck} applies it to every secret a service declares, before the service starts.
 */
public final class Secrets {

    /** The Spring profile of a development run by hand, where a published or short secret is only warned about. */
    public static final String LOCAL_PROFILE = "local";

    /** As many bytes as the HMAC-SHA256 output: what {@code openssl rand -base64 32} gives (44 characters). */
    public static final int MINIMUM_BYTES = 32;

    /** Values committed to Caravan's source at some time, so known to anyone: never a secret. */
    private static final Set<String> PUBLISHED = Set.of(
            "caravan-local-answer-link-secret-change-me",
            "caravan-local-webhook-secret-change-me",
            "change-me-answer-link-secret",
            "change-me-webhook-secret",
            "test-webhook-secret");

    private Secrets() {}

    /** Why the value cannot be a secret outside the local profile ("is not set", ...), or empty if it can. */
    public static Optional<String> weakness(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("is not set");
        }
        String normalised = value.strip().toLowerCase(Locale.ROOT);
        if (PUBLISHED.contains(normalised) || normalised.contains("change-me") || normalised.contains("changeme")) {
            return Optional.of("is a development value published in Caravan's source, so anyone can sign with it");
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MINIMUM_BYTES) {
            return Optional.of("has " + bytes + " bytes, fewer than the " + MINIMUM_BYTES + " required");
        }
        return Optional.empty();
    }

    /** CARAVAN_ANSWER_LINKS_SECRET for caravan.answer-links.secret: the variable Spring reads it from. */
    public static String environmentVariable(String property) {
        return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
