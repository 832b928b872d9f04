package org.caravan.notification;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.caravan.infrastructure.LocalSecrets;
import org.caravan.platform.security.UnsafeSecretException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

/**
 * notification-service itself, started as its jar starts, refuses the secrets once committed to the source and
 * secrets too short to sign with, before it connects to anything (so no database or broker is needed here).
 */
class UnsafeSecretsTests {

    @Test
    void refusesToStartWithTheAnswerLinkSecretOnceCommittedToTheSource() {
        assertThatThrownBy(() -> start(
                        "--caravan.answer-links.secret=caravan-local-answer-link-secret-change-me",
                        "--caravan.notification.webhook-secret=" + LocalSecrets.generate()))
                .isInstanceOf(UnsafeSecretException.class)
                .hasMessageContaining("caravan.answer-links.secret (environment variable CARAVAN_ANSWER_LINKS_SECRET)")
                .hasMessageContaining("published");
    }

    @Test
    void refusesToStartWithTheWebhookSecretOnceCommittedToTheSource() {
        assertThatThrownBy(() -> start(
                        "--caravan.answer-links.secret=" + LocalSecrets.generate(),
                        "--caravan.notification.webhook-secret=caravan-local-webhook-secret-change-me"))
                .isInstanceOf(UnsafeSecretException.class)
                .hasMessageContaining("CARAVAN_NOTIFICATION_WEBHOOK_SECRET");
    }

    @Test
    void refusesToStartWithASecretShorterThan32Bytes() {
        assertThatThrownBy(() -> start(
                        "--caravan.answer-links.secret=" + LocalSecrets.generate(),
                        "--caravan.notification.webhook-secret="
                                + LocalSecrets.generate().substring(0, 31)))
                .isInstanceOf(UnsafeSecretException.class)
                .hasMessageContaining("31 bytes, fewer than the 32 required");
    }

    @Test
    void refusesToStartWithoutItsSecrets() {
        assertThatThrownBy(this::start)
                .isInstanceOf(UnsafeSecretException.class)
                .hasMessageContaining("CARAVAN_ANSWER_LINKS_SECRET) is not set")
                .hasMessageContaining("CARAVAN_NOTIFICATION_WEBHOOK_SECRET) is not set");
    }

    private void start(String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        // Were the check to let it through, it would fail fast rather than wait for servers that are not there.
        all.addAll(List.of(
                "--spring.main.web-application-type=none",
                "--caravan.database.port=1",
                "--caravan.kafka.bootstrap-servers=127.0.0.1:1"));
        SpringApplication.run(NotificationServiceApplication.class, all.toArray(String[]::new))
                .close();
    }
}
