package org.caravan.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTests {

    @Test
    void anAnswerLinkKeepsWhereItGoesButNotItsToken() {
        assertThat(Redaction.redact("Accept: https://caravan.example/api/answer-links/eyJhbGciOi.abc-_1 Decline: x"))
                .isEqualTo("Accept: https://caravan.example/api/answer-links/[redacted] Decline: x");
    }

    @Test
    void aTokenInAQueryStringIsRedacted() {
        assertThat(Redaction.redact("GET /api/volunteers/me/calendar.ics?token=s3cr3t&x=1"))
                .isEqualTo("GET /api/volunteers/me/calendar.ics?token=[redacted]&x=1");
    }

    @Test
    void everyValueOfAMapIsRedactedAndTextWithoutTokensStaysAsItWas() {
        assertThat(Redaction.redact(Map.of("acceptLink", "http://h/api/answer-links/t0k3n", "item", "Chorus")))
                .containsEntry("acceptLink", "http://h/api/answer-links/[redacted]")
                .containsEntry("item", "Chorus");
        assertThat(Redaction.redact((String) null)).isNull();
    }
}
