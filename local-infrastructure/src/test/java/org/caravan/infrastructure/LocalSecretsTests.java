package org.caravan.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local run's secrets: random, made once in .caravan/secrets/, the same after a restart, private to their owner. */
class LocalSecretsTests {

    @TempDir
    Path state;

    @Test
    void eachSecretIs32RandomBytesMadeOnTheFirstStart() {
        LocalSecrets secrets = LocalSecrets.in(state.resolve("secrets"));

        assertThat(Base64.getDecoder().decode(secrets.answerLinks())).hasSize(32);
        assertThat(Base64.getDecoder().decode(secrets.webhooks())).hasSize(32);
        assertThat(secrets.answerLinks()).isNotEqualTo(secrets.webhooks());
        assertThat(LocalSecrets.in(state.resolve("elsewhere")).answerLinks()).isNotEqualTo(secrets.answerLinks());
    }

    @Test
    void aRestartReadsTheSameSecretsAgain() {
        LocalSecrets first = LocalSecrets.in(state.resolve("secrets"));
        LocalSecrets again = LocalSecrets.in(state.resolve("secrets"));

        assertThat(again.serviceSettings()).isEqualTo(first.serviceSettings());
    }

    @Test
    void onlyTheOwnerCanReadThem() throws IOException {
        LocalSecrets.in(state.resolve("secrets"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("secrets"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(state.resolve("secrets/answer-links-secret"))))
                .isEqualTo("rw-------");
        try (var files = Files.list(state.resolve("secrets"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("answer-links-secret", "webhook-secret");
        }
    }

    @Test
    void theyReachServicesAsTheSettingsServicesRead() {
        LocalSecrets secrets = LocalSecrets.in(state.resolve("secrets"));

        assertThat(secrets.serviceSettings())
                .containsEntry("caravan.answer-links.secret", secrets.answerLinks())
                .containsEntry("caravan.notification.webhook-secret", secrets.webhooks());
        assertThat(ServiceProcess.environmentName("caravan.notification.webhook-secret"))
                .isEqualTo("CARAVAN_NOTIFICATION_WEBHOOK_SECRET");
        assertThat(secrets.composeEnvironment())
                .containsEntry("CARAVAN_ANSWER_LINKS_SECRET", secrets.answerLinks())
                .containsEntry("CARAVAN_WEBHOOK_SECRET", secrets.webhooks())
                .containsEntry("CARAVAN_GATEWAY_CLIENT_SECRET", secrets.gatewayClient())
                .containsEntry("CARAVAN_SCRIPTS_SECRET", secrets.scriptsClient())
                .containsEntry(
                        "CARAVAN_IDENTITY_KEYS_SECRET",
                        secrets.identitySettings().get("caravan.identity.keys.encryption-secret"));
    }
}
