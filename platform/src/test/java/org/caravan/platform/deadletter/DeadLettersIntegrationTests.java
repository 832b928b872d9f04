package org.caravan.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.visit.VisitScheduled;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.platform.EventJson;
import org.caravan.platform.messaging.EventConsumers;
import org.caravan.platform.messaging.PoisonEventException;
import org.caravan.platform.testing.TestInfrastructure;
import org.caravan.platform.testing.TopicProbe;
import org.caravan.platform.testing.VisitBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.messaging.Message;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A consumer of visits that refuses, until its fix is deployed, a visit bigger than it was written for, on a real
 * broker and database: what it refuses is dead-lettered by the binder, captured by the platform, and handled by an
 * operator through the API. "Deploying the fix" switches the consumer to the contract it now accepts.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.application.name=platform-test",
            "spring.cloud.function.definition=plannedVisits",
            "spring.cloud.stream.bindings.plannedVisits-in-0.destination=" + DeadLettersIntegrationTests.TOPIC,
            "spring.cloud.stream.bindings.plannedVisits-in-0.group=platform-test",
            "caravan.dead-letters.measure-interval=1h"
        })
class DeadLettersIntegrationTests {

    static final String TOPIC = "platform-test.planned-visits";
    static final String DEAD_LETTERS = "error." + TOPIC + ".platform-test";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Whether the consumer's fix is deployed: before it, a visit for more than 300 people is refused. */
    private static final AtomicBoolean FIX_DEPLOYED = new AtomicBoolean();

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    DeadLetterBacklog backlog;

    @Autowired
    MeterRegistry meters;

    WebTestClient http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "platform_test");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class PlannedVisits {

        /** The consumer under test: each visit it takes leaves one row, keyed by nothing that would merge two. */
        @Bean
        Consumer<Message<byte[]>> plannedVisits(EventConsumers consumers, DatabaseClient database) {
            return consumers
                    .named("platform-test.planned-visits")
                    .on(EventCatalog.VISIT_SCHEDULED, event -> {
                        int audience = event.payload().visit().expectedAudience();
                        if (!FIX_DEPLOYED.get() && audience > 300) {
                            return Mono.error(new PoisonEventException(
                                    "An audience of " + audience + " is more than this consumer takes (300)", null));
                        }
                        return database.sql(
                                        "insert into planned_visit_effect (event_id, visit_id) values (:event, :visit)")
                                .bind("event", event.id())
                                .bind("visit", event.payload().visit().visitId())
                                .then();
                    })
                    .build();
        }
    }

    @BeforeEach
    void beforeTheFix() {
        FIX_DEPLOYED.set(false);
        http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(PATIENCE)
                .build();
        database.sql("create table if not exists planned_visit_effect (event_id uuid not null, visit_id uuid not null)")
                .then()
                .block();
    }

    @Test
    void aPoisonRecordReplayedAfterTheFixHasOneEffect() {
        UUID visit = UUID.randomUUID();
        UUID event = publish(visit, UUID.randomUUID());

        JsonNode listed = awaitWaiting(visit);
        assertThat(listed.get("topic").asString()).isEqualTo(TOPIC);
        assertThat(listed.get("eventType").asString()).isEqualTo(EventCatalog.VISIT_SCHEDULED.name());
        assertThat(listed.get("exception").asString()).isEqualTo(PoisonEventException.class.getName());
        assertThat(listed.get("message").asString()).contains("An audience of 400");
        assertThat(listed.get("times").asInt()).isEqualTo(1);
        assertThat(listed.get("deadLetteredAt").asString()).isNotBlank();
        String id = listed.get("id").asString();

        JsonNode one = body(
                get(operator(), "/api/dead-letters/{id}", id).expectStatus().isOk());
        assertThat(one.get("status").asString()).isEqualTo("WAITING");
        assertThat(one.get("deadLetterTopic").asString()).isEqualTo(DEAD_LETTERS);
        assertThat(one.get("payloadEncoding").asString()).isEqualTo("utf-8");
        assertThat(EventJson.read(one.get("payload").asString().getBytes(StandardCharsets.UTF_8), VisitScheduled.class)
                        .visit()
                        .visitId())
                .isEqualTo(visit);
        assertThat(header(one, "ce_id")).isEqualTo(event.toString());
        assertThat(one.get("headers").valueStream().map(h -> h.get("name").asString()))
                .noneMatch(name -> name.startsWith("x-exception-") || name.startsWith("x-original-"));
        assertThat(one.get("offset").isNumber()).isTrue();
        assertThat(effects(event)).isZero();

        // Refused before anything is read, and nothing changes.
        get(volunteer(), "/api/dead-letters").expectStatus().isForbidden();
        post(volunteer(), "/api/dead-letters/{id}/replay", null, id)
                .expectStatus()
                .isForbidden();
        assertThat(status(id)).isEqualTo("WAITING");

        FIX_DEPLOYED.set(true);
        JsonNode replayed = body(post(operator(), "/api/dead-letters/{id}/replay", null, id)
                .expectStatus()
                .isOk());
        assertThat(replayed.get("status").asString()).isEqualTo("REPLAYED");
        assertThat(replayed.get("resolvedBy").asString()).isEqualTo("operator-wang");
        assertThat(replayed.get("resolvedAt").asString()).isNotBlank();
        await().atMost(PATIENCE).until(() -> effects(event) == 1);

        post(operator(), "/api/dead-letters/{id}/replay", null, id)
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("REPLAYED");

        // The same record delivered once more, then another event behind it on the same partition (same key).
        publish(visit, event);
        UUID behind = publish(visit, UUID.randomUUID());
        await().atMost(PATIENCE).until(() -> effects(behind) == 1);
        assertThat(effects(event)).isEqualTo(1);
        assertThat(waitingFor(visit)).isEmpty();
    }

    @Test
    void aDiscardNeedsAReasonAndRecordsItWithWhoAndWhen() {
        UUID visit = UUID.randomUUID();
        publish(visit, UUID.randomUUID());
        String id = awaitWaiting(visit).get("id").asString();

        for (String blank : new String[] {"{}", "{\"reason\": \"  \"}", "{\"reason\": null}"}) {
            post(operator(), "/api/dead-letters/{id}/discard", blank, id)
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("reason");
        }
        post(volunteer(), "/api/dead-letters/{id}/discard", "{\"reason\": 7}", id)
                .expectStatus()
                .isForbidden();
        assertThat(status(id)).isEqualTo("WAITING");

        JsonNode discarded = body(post(
                        operator(),
                        "/api/dead-letters/{id}/discard",
                        "{\"reason\": \"A test visit; the school never planned it\"}",
                        id)
                .expectStatus()
                .isOk());
        assertThat(discarded.get("status").asString()).isEqualTo("DISCARDED");
        assertThat(discarded.get("reason").asString()).isEqualTo("A test visit; the school never planned it");
        assertThat(discarded.get("resolvedBy").asString()).isEqualTo("operator-wang");
        assertThat(discarded.get("resolvedAt").asString()).isNotBlank();

        post(operator(), "/api/dead-letters/{id}/discard", "{\"reason\": \"again\"}", id)
                .expectStatus()
                .isEqualTo(409);
        post(operator(), "/api/dead-letters/{id}/replay", null, id)
                .expectStatus()
                .isEqualTo(409);
        JsonNode after = body(
                get(operator(), "/api/dead-letters/{id}", id).expectStatus().isOk());
        assertThat(after.get("reason").asString()).isEqualTo("A test visit; the school never planned it");
        assertThat(body(get(operator(), "/api/dead-letters?status=DISCARDED&key={visit}", visit)
                                .expectStatus()
                                .isOk())
                        .valueStream()
                        .map(letter -> letter.get("id").asString()))
                .containsExactly(id);
        assertThat(waitingFor(visit)).isEmpty();
    }

    @Test
    void badIdsAndParametersAreProblemsNamingTheFieldAndUnknownOnesAreNotFound() {
        field(get(operator(), "/api/dead-letters/not-a-uuid"), "id");
        field(post(operator(), "/api/dead-letters/not-a-uuid/replay", null), "id");
        field(get(operator(), "/api/dead-letters?status=LOST"), "status");
        field(get(operator(), "/api/dead-letters?size=0"), "size");
        field(get(operator(), "/api/dead-letters?page=-1"), "page");
        String unknown = UUID.randomUUID().toString();
        get(operator(), "/api/dead-letters/{id}", unknown).expectStatus().isNotFound();
        post(operator(), "/api/dead-letters/{id}/replay", null, unknown)
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        post(operator(), "/api/dead-letters/{id}/discard", "{\"reason\": \"gone\"}", unknown)
                .expectStatus()
                .isNotFound();
        field(post(operator(), "/api/dead-letters/{id}/discard", "not json", unknown), "body");
    }

    @Test
    void theSameEventDeadLetteredAgainWhileItWaitsCountsOnTheWaitingOne() {
        UUID visit = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        publish(visit, event);
        awaitWaiting(visit);
        publish(visit, event);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(waitingFor(visit))
                .singleElement()
                .satisfies(letter -> assertThat(letter.get("times").asInt()).isEqualTo(2)));
    }

    @Test
    void aDeadLetterRecordReadAgainIsCapturedOnce() {
        UUID visit = UUID.randomUUID();
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        headers.add(CapturedRecord.ORIGINAL_TOPIC, TOPIC.getBytes(StandardCharsets.UTF_8));
        headers.add(CapturedRecord.EXCEPTION_MESSAGE, "unreadable".getBytes(StandardCharsets.UTF_8));
        long offset = System.nanoTime();
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(
                DEAD_LETTERS,
                0,
                offset,
                0L,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME,
                0,
                0,
                visit.toString().getBytes(StandardCharsets.UTF_8),
                "{".getBytes(StandardCharsets.UTF_8),
                headers,
                java.util.Optional.empty());

        assertThat(deadLetters.capture(CapturedRecord.from(record)).block()).isTrue();
        assertThat(deadLetters.capture(CapturedRecord.from(record)).block()).isFalse();

        assertThat(waitingFor(visit))
                .singleElement()
                .satisfies(letter -> assertThat(letter.get("times").asInt()).isEqualTo(1));
        discardAll(visit);
    }

    @Test
    void theGaugesCountTheWaitingDeadLettersAndHowLongTheOldestHasWaited() {
        UUID visit = UUID.randomUUID();
        publish(visit, UUID.randomUUID());
        String id = awaitWaiting(visit).get("id").asString();
        database.sql("update dead_letter set dead_lettered_at = dead_lettered_at - interval '10 days' where id = :id")
                .bind("id", UUID.fromString(id))
                .then()
                .block();

        backlog.measure();
        assertThat(meters.get("caravan.dead.letters.waiting").gauge().value()).isEqualTo(waitingCount());
        assertThat(meters.get("caravan.dead.letters.waiting").gauge().value()).isPositive();
        assertThat(meters.get("caravan.dead.letters.oldest.age").timeGauge().value(TimeUnit.DAYS))
                .isBetween(10.0, 10.1);

        post(operator(), "/api/dead-letters/{id}/discard", "{\"reason\": \"measured\"}", id)
                .expectStatus()
                .isOk();
        backlog.measure();
        assertThat(meters.get("caravan.dead.letters.waiting").gauge().value()).isEqualTo(waitingCount());
        assertThat(meters.get("caravan.dead.letters.oldest.age").timeGauge().value(TimeUnit.DAYS))
                .isLessThan(10.0);
    }

    /** A visit for 400 people, sent as event-service's relay would, keyed by the visit. */
    private static UUID publish(UUID visit, UUID event) {
        VisitSnapshot snapshot = VisitBuilder.newFromSample().visitId(visit).build();
        assertThat(snapshot.expectedAudience()).isEqualTo(400);
        TopicProbe.send(
                TOPIC,
                visit.toString(),
                EventJson.write(new VisitScheduled(snapshot, "coordinator-li", Instant.parse("2026-09-20T02:00:00Z")))
                        .getBytes(StandardCharsets.UTF_8),
                Map.of(
                        "ce_id", event.toString(),
                        "ce_source", "event-service",
                        "ce_type", EventCatalog.VISIT_SCHEDULED.name(),
                        "ce_subject", visit.toString(),
                        "ce_time", "2026-09-20T02:00:00Z",
                        "ce_specversion", "1.0",
                        "content-type", "application/json"));
        return event;
    }

    private JsonNode awaitWaiting(UUID visit) {
        await().atMost(PATIENCE).until(() -> !waitingFor(visit).isEmpty());
        return waitingFor(visit).get(0);
    }

    private List<JsonNode> waitingFor(UUID visit) {
        return body(get(operator(), "/api/dead-letters?status=WAITING&key={visit}", visit)
                        .expectStatus()
                        .isOk())
                .valueStream()
                .peek(letter -> assertThat(letter.get("key").asString()).isEqualTo(visit.toString()))
                .toList();
    }

    private void discardAll(UUID visit) {
        waitingFor(visit).forEach(letter -> post(
                        operator(),
                        "/api/dead-letters/{id}/discard",
                        "{\"reason\": \"test\"}",
                        letter.get("id").asString())
                .expectStatus()
                .isOk());
    }

    private String status(String id) {
        return body(get(operator(), "/api/dead-letters/{id}", id).expectStatus().isOk())
                .get("status")
                .asString();
    }

    private long effects(UUID event) {
        return database.sql("select count(*) from planned_visit_effect where event_id = :event")
                .bind("event", event)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    private double waitingCount() {
        return database.sql("select count(*) from dead_letter where status = 'WAITING'")
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    private static String header(JsonNode deadLetter, String name) {
        return deadLetter
                .get("headers")
                .valueStream()
                .filter(h -> h.get("name").asString().equals(name))
                .map(h -> h.get("value").asString())
                .findFirst()
                .orElse(null);
    }

    private static void field(WebTestClient.ResponseSpec response, String field) {
        response.expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
    }

    private WebTestClient.ResponseSpec get(String token, String uri, Object... variables) {
        return http.get()
                .uri(uri, variables)
                .headers(h -> h.setBearerAuth(token))
                .exchange();
    }

    private WebTestClient.ResponseSpec post(String token, String uri, String json, Object... variables) {
        WebTestClient.RequestBodySpec request = http.post().uri(uri, variables).headers(h -> h.setBearerAuth(token));
        return json == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(json)
                        .exchange();
    }

    private static JsonNode body(WebTestClient.ResponseSpec response) {
        return response.expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static String operator() {
        return TestInfrastructure.tokens().mint("operator-wang", "operator");
    }

    private static String volunteer() {
        return TestInfrastructure.tokens().mint("volunteer-qiao", "volunteer");
    }
}
