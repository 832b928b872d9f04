package org.caravan.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.caravan.infrastructure.LocalSecrets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * A service that declares secrets starts only with safe ones: each case starts a real Spring application with the
 * platform's check, as a service starts, and the check runs before any bean exists.
 */
class SecretsCheckTests {

    private static final String ANSWER_LINKS = "caravan.answer-links.secret";
    private static final String STRONG = LocalSecrets.generate();

    @Configuration(proxyBeanMethods = false)
    @Import(SecretsCheck.class)
    static class AServiceWithSecrets {}

    @Test
    void aServiceRefusesToStartWithTheAnswerLinkSecretOnceCommittedToTheSource() {
        assertThatThrownBy(() -> start(List.of(), ANSWER_LINKS + "=caravan-local-answer-link-secret-change-me"))
                .isInstanceOf(UnsafeSecretException.class)
                .hasMessageContaining(ANSWER_LINKS)
                .hasMessageContaining("CARAVAN_ANSWER_LINKS_SECRET")
                .hasMessageContaining("published");
    }

    @Test
    void aServiceRefusesToStartWithTheComposeFilesOldDefault() {
        assertThatThrownBy(() -> start(List.of(), ANSWER_LINKS + "=change-me-answer-link-secret"))
                .isInstanceOf(UnsafeSecretException.class)
                .hasMessageContaining("published");
    }

    @Test
    void aServiceRefusesToStartWithASecretUnder32Bytes() {
        assertThatThrownBy(() -> start(List.of(), ANSWER_LINKS + "=" + "k9Tz".repeat(7) + "abc"))
                .isInstanceOf(UnsafeSecretException.class)
                .hasMessageContaining("31 bytes, fewer than the 32 required");
    }

    @Test
    void aServiceRefusesToStartWithoutASecretItDeclares() {
        assertThatThrownBy(() -> start(List.of()))
                .isInstanceOf(UnsafeSecretException.class)
                .hasMessageContaining(ANSWER_LINKS + " (environment variable CARAVAN_ANSWER_LINKS_SECRET) is not set");
    }

    @Test
    void everyUnsafeSecretIsNamedAtOnce() {
        assertThatThrownBy(() -> start(
                        List.of(),
                        "caravan.secrets.required=" + ANSWER_LINKS + ",caravan.notification.webhook-secret",
                        ANSWER_LINKS + "=short"))
                .isInstanceOfSatisfying(
                        UnsafeSecretException.class,
                        refused -> assertThat(refused.problems())
                                .hasSize(2)
                                .anySatisfy(problem -> assertThat(problem).startsWith(ANSWER_LINKS + " "))
                                .anySatisfy(
                                        problem -> assertThat(problem)
                                                .startsWith(
                                                        "caravan.notification.webhook-secret (environment variable CARAVAN_NOTIFICATION_WEBHOOK_SECRET) is not set")));
    }

    @Test
    void aServiceStartsWithThirtyTwoRandomBytes() {
        try (ConfigurableApplicationContext started = start(List.of(), ANSWER_LINKS + "=" + STRONG)) {
            assertThat(started.isActive()).isTrue();
        }
    }

    @Test
    void aSecretKeptFromBeforeARotationIsCheckedToo() {
        assertThatThrownBy(() -> start(
                        List.of(),
                        ANSWER_LINKS + "=" + STRONG,
                        "caravan.secrets.optional=caravan.answer-links.previous-secrets",
                        "caravan.answer-links.previous-secrets=" + STRONG + "y,change-me-answer-link-secret"))
                .isInstanceOf(UnsafeSecretException.class)
                .hasMessageContaining("caravan.answer-links.previous-secrets");
        try (ConfigurableApplicationContext started = start(
                List.of(),
                ANSWER_LINKS + "=" + STRONG,
                "caravan.secrets.optional=caravan.answer-links.previous-secrets",
                "caravan.answer-links.previous-secrets=" + STRONG + "y")) {
            assertThat(started.isActive()).isTrue();
        }
    }

    @Test
    void theLocalProfileAcceptsADevelopmentSecretButStillRefusesAMissingOne() {
        try (ConfigurableApplicationContext started =
                start(List.of(Secrets.LOCAL_PROFILE), ANSWER_LINKS + "=caravan-local-answer-link-secret-change-me")) {
            assertThat(started.isActive()).isTrue();
        }
        assertThatThrownBy(() -> start(List.of(Secrets.LOCAL_PROFILE)))
                .isInstanceOf(UnsafeSecretException.class)
                .hasMessageContaining("is not set");
    }

    @Test
    void anotherProfileIsNotTheLocalOne() {
        assertThatThrownBy(() -> start(List.of("production", "localhost"), ANSWER_LINKS + "=change-me-too-short"))
                .isInstanceOf(UnsafeSecretException.class);
    }

    @Test
    void theStartUpReportSaysWhatIsWrongAndWhatToDo() {
        UnsafeSecretException refused = new UnsafeSecretException(
                List.of(ANSWER_LINKS + " (environment variable CARAVAN_ANSWER_LINKS_SECRET) is not set"));

        FailureAnalysis analysis = new UnsafeSecretFailureAnalyzer().analyze(refused);

        assertThat(analysis.getDescription()).contains("CARAVAN_ANSWER_LINKS_SECRET) is not set");
        assertThat(analysis.getAction()).contains("openssl rand -base64 32", ".caravan/secrets/");
    }

    @Test
    void theRulesJudgeTheValueAlone() {
        assertThat(Secrets.weakness(null)).contains("is not set");
        assertThat(Secrets.weakness("   ")).contains("is not set");
        assertThat(Secrets.weakness("x".repeat(40) + "-CHANGE-ME")).isPresent();
        assertThat(Secrets.weakness("test-webhook-secret")).isPresent();
        // 16 Chinese characters are 48 bytes in UTF-8, the key Hmac uses.
        assertThat(Secrets.weakness("志愿服务大篷车志愿服务大篷车志愿")).isEmpty();
        assertThat(Secrets.weakness(STRONG)).isEmpty();
        assertThat(Secrets.environmentVariable("caravan.notification.webhook-secret"))
                .isEqualTo("CARAVAN_NOTIFICATION_WEBHOOK_SECRET");
    }

    /** Starts it with the properties given, declaring the answer-link secret unless they declare others. */
    private static ConfigurableApplicationContext start(List<String> profiles, String... properties) {
        List<String> all = new ArrayList<>(List.of(properties));
        if (all.stream().noneMatch(p -> p.startsWith("caravan.secrets.required="))) {
            all.add("caravan.secrets.required=" + ANSWER_LINKS);
        }
        return new SpringApplicationBuilder(AServiceWithSecrets.class)
                .web(WebApplicationType.NONE)
                .profiles(profiles.toArray(String[]::new))
                .properties(all.toArray(String[]::new))
                .logStartupInfo(false)
                .run();
    }
}
