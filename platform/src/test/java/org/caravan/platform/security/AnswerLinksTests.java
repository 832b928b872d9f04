package org.caravan.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.caravan.infrastructure.LocalSecrets;
import org.junit.jupiter.api.Test;

/** Rotating the answer-link secret: links already sent keep working while the old secret is kept as previous. */
class AnswerLinksTests {

    private static final Instant NOW = Instant.parse("2026-09-28T02:00:00Z");

    private final String old = LocalSecrets.generate();
    private final String current = LocalSecrets.generate();
    private final String sentBeforeTheRotation =
            new AnswerLinks(old).token(UUID.randomUUID(), "accept", NOW.plus(Duration.ofHours(48)));

    @Test
    void aLinkSignedWithThePreviousSecretStillWorksDuringARotation() {
        assertThat(new AnswerLinks(current, List.of(old)).read(sentBeforeTheRotation, NOW))
                .hasValueSatisfying(answer -> assertThat(answer.answer()).isEqualTo("accept"));
    }

    @Test
    void aLinkSignedWithASecretNoLongerKeptStopsWorking() {
        assertThat(new AnswerLinks(current).read(sentBeforeTheRotation, NOW)).isEmpty();
        assertThat(new AnswerLinks(current, List.of(LocalSecrets.generate())).read(sentBeforeTheRotation, NOW))
                .isEmpty();
    }

    @Test
    void newLinksAreSignedWithTheCurrentSecretOnly() {
        String token = new AnswerLinks(current, List.of(old)).token(UUID.randomUUID(), "decline", NOW.plusSeconds(60));

        assertThat(new AnswerLinks(current).read(token, NOW)).isPresent();
        assertThat(new AnswerLinks(old).read(token, NOW)).isEmpty();
    }
}
