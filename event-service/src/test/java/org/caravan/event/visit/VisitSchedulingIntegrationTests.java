package org.caravan.event.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.Topic;
import org.caravan.platform.EventJson;
import org.caravan.platform.messaging.CloudEventHeaders;
import org.caravan.platform.outbox.OutboxRelay;
import org.caravan.platform.testing.EventSamples;
import org.caravan.platform.testing.TestInfrastructure;
import org.caravan.platform.testing.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class VisitSchedulingIntegrationTests {

    private static final String COORDINATOR = "coordinator-li";
    private static TopicProbe visitsTopic;

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient database;

    @Autowired
    OutboxRelay relay;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "event_service");
    }

    @BeforeAll
    static void watchVisits() {
        visitsTopic = TopicProbe.watch(Topic.VISITS.name());
    }

    @AfterAll
    static void stopWatching() {
        visitsTopic.close();
    }

    @Test
    void coordinatorSchedulesAVisitAndVisitScheduledIsPublishedKeyedByTheVisitWithCloudEventsHeaders() {
        var response = schedule(VisitFixtures.dandelionSchoolVisit(), coordinatorToken())
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches("Location", "/api/visits/[0-9a-f-]{36}")
                .expectBody(JsonNode.class)
                .returnResult();
        String visitId = response.getResponseBody().get("id").asString();
        String traceId = response.getResponseHeaders().getFirst("X-Trace-Id");

        var record = visitsTopic.await(r -> visitId.equals(r.key()), Duration.ofSeconds(20));

        assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo(EventCatalog.VISIT_SCHEDULED.name());
        assertThat(TopicProbe.header(record, CloudEventHeaders.SOURCE)).isEqualTo("event-service");
        assertThat(TopicProbe.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(visitId);
        assertThat(TopicProbe.header(record, CloudEventHeaders.ID)).matches("[0-9a-f-]{36}");
        assertThat(TopicProbe.header(record, CloudEventHeaders.TIME)).isNotBlank();
        assertThat(TopicProbe.header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(TopicProbe.header(record, "traceparent")).contains(traceId);
        var event = EventJson.read(record.value(), EventCatalog.VISIT_SCHEDULED.payloadType());
        assertThat(event.visitId().toString()).isEqualTo(visitId);
        assertThat(event.siteName()).isEqualTo("蒲公英中学 Dandelion School");
        assertThat(event.timeZone()).isEqualTo("Asia/Shanghai");
        assertThat(event.scheduledBy()).isEqualTo(COORDINATOR);
    }

    @Test
    void publishedEventHasExactlyTheFieldsOfTheCheckedInSample() {
        String visitId = scheduledVisitId();

        var record = visitsTopic.await(r -> visitId.equals(r.key()), Duration.ofSeconds(20));

        assertThat(fieldNames(new String(record.value(), StandardCharsets.UTF_8)))
                .isEqualTo(fieldNames(
                        new String(EventSamples.json(EventCatalog.VISIT_SCHEDULED), StandardCharsets.UTF_8)));
    }

    @Test
    void anInvalidVisitIsExplainedFieldByFieldAndNothingIsStored() {
        long visitsBefore = count("visit");
        long eventsBefore = count("outbox_event");

        schedule(VisitFixtures.visitEndingBeforeItStarts(), coordinatorToken())
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Invalid request")
                .jsonPath("$.errors[?(@.field == 'endsAt')].message")
                .isEqualTo("must be after startsAt")
                .jsonPath("$.traceId")
                .isNotEmpty();

        assertThat(count("visit")).isEqualTo(visitsBefore);
        assertThat(count("outbox_event")).isEqualTo(eventsBefore);
    }

    @Test
    void relayResumesAfterBeingStoppedWithEventsPending() {
        relay.stop();
        String visitId;
        try {
            visitId = scheduledVisitId();
            assertThat(pendingEventsFor(visitId)).isEqualTo(1);
            assertThat(visitsTopic.collectFor(Duration.ofSeconds(2))).noneMatch(r -> visitId.equals(r.key()));
        } finally {
            relay.start();
        }

        visitsTopic.await(r -> visitId.equals(r.key()), Duration.ofSeconds(20));
        assertThat(pendingEventsFor(visitId)).isZero();
    }

    @Test
    void requestWithoutATokenIsRefusedAs401ProblemJson() {
        http.post()
                .uri("/api/visits")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(VisitFixtures.dandelionSchoolVisit())
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueMatches("WWW-Authenticate", "Bearer.*")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401);
    }

    @Test
    void tokenFromAnotherIssuerOrForAnotherAudienceOrExpiredIsRefused() {
        var tokens = TestInfrastructure.tokens();
        var now = java.time.Instant.now();
        var base = new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .subject(COORDINATOR)
                .claim("roles", java.util.List.of("coordinator"))
                .expirationTime(java.util.Date.from(now.plusSeconds(600)));
        for (String token : java.util.List.of(
                tokens.sign(base.issuer("someone-else").audience("caravan").build()),
                tokens.sign(base.issuer("caravan-local").audience("another-app").build()),
                tokens.sign(base.issuer("caravan-local")
                        .audience("caravan")
                        .expirationTime(java.util.Date.from(now.minusSeconds(600)))
                        .build()))) {
            schedule(VisitFixtures.dandelionSchoolVisit(), token)
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void volunteerCannotScheduleAVisitAndGets403ProblemJson() {
        schedule(
                        VisitFixtures.dandelionSchoolVisit(),
                        TestInfrastructure.tokens().mint("volunteer-wang", "volunteer"))
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(403);
    }

    @Test
    void anyAuthenticatedPersonReadsAScheduledVisit() {
        String visitId = scheduledVisitId();

        http.get()
                .uri("/api/visits/{id}", visitId)
                .headers(h -> h.setBearerAuth(TestInfrastructure.tokens().mint("volunteer-wang", "volunteer")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("SCHEDULED")
                .jsonPath("$.startsAt")
                .isEqualTo("2026-09-26T09:30:00");
    }

    @Test
    void unknownVisitUnknownPathWrongMethodAndWrongMediaTypeAreProblemJson() {
        expectProblem(http.get().uri("/api/visits/{id}", java.util.UUID.randomUUID()), HttpStatus.NOT_FOUND);
        expectProblem(http.get().uri("/api/nothing-here"), HttpStatus.NOT_FOUND);
        expectProblem(http.delete().uri("/api/visits"), HttpStatus.METHOD_NOT_ALLOWED);
        expectProblem(
                http.post().uri("/api/visits").contentType(MediaType.TEXT_PLAIN).bodyValue("a visit please"),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        expectProblem(
                http.post()
                        .uri("/api/visits")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{not json"),
                HttpStatus.BAD_REQUEST);
        expectProblem(
                http.post()
                        .uri("/api/visits")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"title\":\"" + "x".repeat(300_000) + "\"}"),
                HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void openApiDocumentIsServedWithoutAToken() {
        http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/visits']")
                .exists();
    }

    private void expectProblem(WebTestClient.RequestHeadersSpec<?> request, HttpStatus status) {
        request.headers(h -> h.setBearerAuth(coordinatorToken()))
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(status.value())
                .jsonPath("$.trace")
                .doesNotExist();
    }

    private String scheduledVisitId() {
        return schedule(VisitFixtures.dandelionSchoolVisit(), coordinatorToken())
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .asString();
    }

    private WebTestClient.ResponseSpec schedule(Map<String, Object> visit, String token) {
        return http.post()
                .uri("/api/visits")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(visit)
                .exchange();
    }

    private long pendingEventsFor(String visitId) {
        return database.sql("select count(*) from outbox_event where aggregate_id = :id and published_at is null")
                .bind("id", visitId)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    private long count(String table) {
        return database.sql("select count(*) from " + table)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    private static String coordinatorToken() {
        return TestInfrastructure.tokens().mint(COORDINATOR, "coordinator");
    }

    private static Set<String> fieldNames(String json) {
        Set<String> names = new TreeSet<>();
        Iterator<String> it = JsonMapper.shared().readTree(json).propertyNames().iterator();
        it.forEachRemaining(names::add);
        return names;
    }
}
