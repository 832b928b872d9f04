package org.caravan.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every Caravan service promises operators and callers, whatever its features. A service's test class
 * extends this with {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} and registers its database.
 */
public abstract class ServiceConformance {

    @LocalServerPort
    int apiPort;

    @LocalManagementPort
    int managementPort;

    @Autowired
    DatabaseClient database;

    @Autowired
    org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping handlers;

    @Value("${spring.application.name}")
    String applicationName;

    /** Set (as a system property or environment variable) to {@code true} to rewrite the committed API documents. */
    static final String UPDATE_API_DOCUMENTS = "CARAVAN_UPDATE_API_DOCUMENTS";

    /**
     * Operations ("GET /api/visits") every signed-in role may call, whose handlers then decide by ownership:
     * each is a decision written down here, not a rule forgotten.
     */
    protected abstract java.util.Set<String> openToEveryRole();

    /** Operations served without a token, because their clients cannot send one; each checks its own credential. */
    protected java.util.Set<String> servedWithoutAToken() {
        return java.util.Set.of();
    }

    @Test
    void everyOperationInTheApiDocumentKeepsItsAccessRule() {
        WebTestClient patient = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + apiPort)
                .responseTimeout(java.time.Duration.ofSeconds(30))
                .build();
        assertThat(new AuthorizationMatrix(patient, handlers, openToEveryRole(), servedWithoutAToken()).check())
                .isEmpty();
    }

    /**
     * Every body field and parameter of the API document, fuzzed: never a 5xx, every refusal problem+json naming
     * the field, nothing stored by a refusal, nothing the document allows refused (see {@link FuzzedInput}).
     */
    @Test
    void fuzzedInputIsNeverA5xxAndARefusalNamesTheFieldAndStoresNothing() {
        FuzzedInput fuzz = new FuzzedInput(
                "http://127.0.0.1:" + apiPort,
                database,
                operation -> AuthorizationMatrix.roles(handlers, operation),
                servedWithoutAToken(),
                Long.getLong("caravan.fuzz.seed", 20261203L));
        List<String> failures = fuzz.check();
        assertThat(fuzz.sent()).as("fuzzed requests sent").isGreaterThan(50);
        assertThat(failures)
                .as(failures.size() + " failures in " + fuzz.sent() + " fuzzed requests")
                .isEmpty();
    }

    @Test
    void readinessIsUpAndChecksTheDatabaseAndKafka() {
        management()
                .get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status")
                .isEqualTo("UP")
                .jsonPath("$.components.kafka.status")
                .isEqualTo("UP");
    }

    @Test
    void livenessIsUp() {
        management()
                .get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void prometheusMetricsAreOnTheManagementPortOnly() {
        String metrics = scrapedMetrics();
        assertThat(metrics)
                .contains(
                        "jvm_memory_used_bytes",
                        "caravan_outbox_published_total",
                        "caravan_outbox_pending{",
                        "caravan_outbox_oldest_pending_age_seconds{");
        api().get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
    }

    /** What Prometheus reads from the management port. */
    private String scrapedMetrics() {
        return management()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** An alert on a metric no service exposes would never fire: each one the rules file names is scraped here. */
    @Test
    void everyMetricTheAlertRulesQueryIsExposed() throws java.io.IOException {
        String metrics = scrapedMetrics();
        List<String> named = AlertRules.metricsOf(AlertRules.FILE);
        assertThat(named).as("metrics the alert rules query").isNotEmpty();
        assertThat(named)
                .as("metrics the alert rules in " + AlertRules.FILE + " query, exposed by " + applicationName)
                .allSatisfy(metric -> assertThat(metrics).containsPattern("(?m)^" + metric + "[{ ]"));
    }

    @Test
    void noOtherActuatorEndpointIsExposed() {
        for (String endpoint :
                new String[] {"/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump"}) {
            management().get().uri(endpoint).exchange().expectStatus().isNotFound();
        }
    }

    @Test
    void apiWithoutATokenIsRefusedAsProblemJson() {
        api().get()
                .uri("/api/anything")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.traceId")
                .isNotEmpty();
    }

    @Test
    void theServiceSaysWhoItTakesTheCallerToBe() {
        api().get()
                .uri("/api/whoami")
                .headers(h -> h.setBearerAuth(TestInfrastructure.tokens().mint("volunteer-qiao", "volunteer")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.subject")
                .isEqualTo("volunteer-qiao")
                .jsonPath("$.roles[0]")
                .isEqualTo("volunteer")
                .jsonPath("$.expiresAt")
                .isNotEmpty();
    }

    @Test
    void openApiDocumentAndSwaggerUiAreServed() {
        api().get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.openapi")
                .exists()
                .jsonPath("$.components.securitySchemes.bearer.scheme")
                .isEqualTo("bearer");
        api().get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }

    /**
     * The web app's API client is generated from {@code web-app/openapi/<service>.json}: that snapshot must be what
     * the service serves, compared after normalising both (keys sorted, server URLs removed).
     */
    @Test
    void theCommittedApiDocumentIsTheServedOne() throws java.io.IOException {
        String served = api().get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String normalised = ApiDocuments.normalise(served);
        java.nio.file.Path committed = java.nio.file.Path.of("")
                .toAbsolutePath()
                .resolve("../web-app/openapi/" + applicationName + ".json")
                .normalize();
        if (ApiDocuments.updateRequested(
                System.getProperty(UPDATE_API_DOCUMENTS), System.getenv(UPDATE_API_DOCUMENTS))) {
            java.nio.file.Files.createDirectories(committed.getParent());
            java.nio.file.Files.writeString(committed, normalised);
            return;
        }
        String howToUpdate = "The API document served by " + applicationName + " differs from " + committed
                + ", from which the web app's API client is generated. If the change is meant, rewrite the file by"
                + " running this test with " + UPDATE_API_DOCUMENTS + "=true (environment variable or -D system"
                + " property), e.g. CARAVAN_INFRASTRUCTURE=embedded " + UPDATE_API_DOCUMENTS + "=true ./mvnw -B verify"
                + " -pl event-contracts,local-infrastructure,platform," + applicationName
                + " -Dtest='*Conformance*' -Dsurefire.failIfNoSpecifiedTests=false, then rebuild web-app"
                + " (its type check shows which screens the change breaks) and commit the file.";
        assertThat(committed).as(howToUpdate).exists();
        assertThat(ApiDocuments.normalise(java.nio.file.Files.readString(committed)))
                .as(howToUpdate)
                .isEqualTo(normalised);
    }

    @Test
    void migrationsCreatedTheDeadLetterTables() {
        Long tables = database.sql("select count(*) from information_schema.tables"
                        + " where table_name in ('dead_letter', 'dead_letter_capture')")
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
        assertThat(tables).isEqualTo(2);
    }

    @Test
    void migrationsCreatedTheOutboxAndProcessedEventTables() {
        Long tables = database.sql(
                        "select count(*) from information_schema.tables where table_name in ('outbox_event', 'processed_event')")
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
        assertThat(tables).isEqualTo(2);
    }

    private WebTestClient api() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + apiPort)
                .build();
    }

    private WebTestClient management() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + managementPort)
                .build();
    }
}
