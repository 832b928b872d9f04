package org.caravan.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRunTests {

    private static final String ISSUER = "http://localhost:8085";
    private static LocalMailServer mail;

    @TempDir
    Path secretsFolder;

    @BeforeAll
    static void mailServer() {
        mail = LocalMailServer.onFreePorts();
    }

    @AfterAll
    static void stopMailServer() {
        mail.close();
    }

    private LocalRun localRun() {
        return new LocalRun(ISSUER, mail, LocalSecrets.in(secretsFolder));
    }

    @Test
    void everyServiceTrustsTheProvidersIssuerThroughItsPublishedKeys() {
        Map<String, String> trust = LocalRun.trustTheProvider(ISSUER);

        assertThat(trust)
                .containsEntry("caravan.security.issuer", ISSUER)
                .containsEntry("caravan.security.jwk-set-uri", ISSUER + "/oauth2/jwks")
                .doesNotContainKey("caravan.security.public-key-location");
    }

    @Test
    void theGatewaysClientSecretIsTheOneTheProviderRegisters() {
        LocalRun run = localRun();
        Map<String, String> gateway = run.gateway();

        assertThat(gateway.get("caravan.gateway.client.secret"))
                .isNotBlank()
                .isEqualTo(LocalSecrets.in(secretsFolder)
                        .identitySettings()
                        .get("caravan.identity.clients.gateway.secret"))
                .isNotEqualTo("caravan-local-gateway-secret-change-me");
        assertThat(gateway)
                .containsEntry("caravan.gateway.issuer-uri", ISSUER)
                .containsEntry("caravan.gateway.routes.event.uri", "http://127.0.0.1:8081")
                .containsEntry("caravan.gateway.routes.volunteer.uri", "http://127.0.0.1:8082")
                .containsEntry("caravan.gateway.routes.donation.uri", "http://127.0.0.1:8083")
                .containsEntry("caravan.gateway.routes.notification.uri", "http://127.0.0.1:8084");
    }

    @Test
    void theProvidersSecretsAreThisMachinesOwnAndKeptAcrossRestarts() {
        Map<String, String> first = LocalSecrets.in(secretsFolder).identitySettings();
        Map<String, String> again = LocalSecrets.in(secretsFolder).identitySettings();

        assertThat(first).isEqualTo(again);
        assertThat(first.values()).doesNotHaveDuplicates().allSatisfy(secret -> assertThat(secret)
                .doesNotContain("change-me")
                .hasSizeGreaterThanOrEqualTo(43));
        assertThat(first)
                .containsKeys(
                        "caravan.identity.keys.encryption-secret",
                        "caravan.identity.clients.gateway.secret",
                        "caravan.identity.clients.scripts.secret",
                        "caravan.identity.clients.services.secret");
    }

    @Test
    void answerLinksInEMailsPointAtTheGateway() {
        FakeInfrastructure infrastructure = new FakeInfrastructure();
        Map<String, String> notification =
                localRun().service(infrastructure, CaravanService.named("notification-service"));

        assertThat(notification).containsEntry("caravan.notification.answer-link-base", "http://localhost:8080");
        assertThat(infrastructure.created).isEqualTo("notification_service");
    }

    @Test
    void theProviderRunsItsLocalProfileWithThisMachinesSecretsAndRedirectsToTheGateway() {
        Map<String, String> identity = localRun().identity(new FakeInfrastructure());

        assertThat(identity)
                .containsEntry("spring.profiles.active", "local")
                .containsEntry("caravan.identity.issuer", ISSUER)
                .containsEntry(
                        "caravan.identity.clients.gateway.redirect-uris",
                        "http://localhost:8080/login/oauth2/code/caravan")
                .containsEntry("caravan.database.name", "identity_service")
                .containsEntry("spring.mail.port", String.valueOf(mail.smtpPort()));
    }

    /** Settings only: no server is started, the database asked for is remembered. */
    private static final class FakeInfrastructure implements Infrastructure {
        String created;

        @Override
        public String postgresHost() {
            return "127.0.0.1";
        }

        @Override
        public int postgresPort() {
            return 15432;
        }

        @Override
        public void createDatabase(String name) {
            created = name;
        }

        @Override
        public String kafkaBootstrapServers() {
            return "127.0.0.1:19092";
        }

        @Override
        public void close() {}
    }
}
