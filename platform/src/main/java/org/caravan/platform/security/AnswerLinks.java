package org.caravan.platform.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Answer links in messages: "accept" or "decline" for one assignment, signed with a secret that
 * notification-service (which writes them) and volunteer-service (which serves them) share, valid until a time,
 * and carrying a nonce that volunteer-service records so that a link works once. During a rotation of the secret,
 * links signed with a previous one ({@code caravan.answer-links.previous-secrets}) are still read; new ones are
 * signed with the current secret only.
 */
public final class AnswerLinks {

    public record Answer(UUID assignmentId, String answer, Instant expiresAt, UUID nonce) {}

    private final String secret;
    private final List<String> previousSecrets;

    public AnswerLinks(String secret) {
        this(secret, List.of());
    }

    /** Signs with {@code secret}; reads links signed with it or with any of {@code previousSecrets}. */
    public AnswerLinks(String secret, List<String> previousSecrets) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("caravan.answer-links.secret must have at least 16 characters");
        }
        this.secret = secret;
        this.previousSecrets = previousSecrets == null
                ? List.of()
                : previousSecrets.stream()
                        .filter(s -> s != null && !s.isBlank())
                        .toList();
    }

    public String token(UUID assignmentId, String answer, Instant expiresAt) {
        String claims = assignmentId + "." + answer + "." + expiresAt.getEpochSecond() + "." + UUID.randomUUID();
        String encoded =
                Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + Hmac.sign(secret, encoded);
    }

    /** The answer, if the token is ours, untouched and not expired; empty otherwise. */
    public Optional<Answer> read(String token, Instant now) {
        int dot = token == null ? -1 : token.lastIndexOf('.');
        if (dot < 0 || !signedByUs(token.substring(0, dot), token.substring(dot + 1))) {
            return Optional.empty();
        }
        try {
            String[] claims = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8)
                    .split("\\.");
            Answer answer = new Answer(
                    UUID.fromString(claims[0]),
                    claims[1],
                    Instant.ofEpochSecond(Long.parseLong(claims[2])),
                    UUID.fromString(claims[3]));
            return answer.expiresAt().isAfter(now) ? Optional.of(answer) : Optional.empty();
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException malformed) {
            return Optional.empty();
        }
    }

    private boolean signedByUs(String claims, String signature) {
        if (Hmac.verify(secret, claims, signature)) {
            return true;
        }
        return previousSecrets.stream().anyMatch(previous -> Hmac.verify(previous, claims, signature));
    }
}
