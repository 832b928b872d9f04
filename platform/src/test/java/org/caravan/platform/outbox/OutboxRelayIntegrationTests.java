package org.caravan.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.TraceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.Topic;
import org.caravan.contracts.visit.VisitScheduled;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.platform.EventJson;
import org.caravan.platform.TraceIds;
import org.caravan.platform.testing.EventSamples;
import org.caravan.platform.testing.TestInfrastructure;
import org.caravan.platform.testing.TopicProbe;
import org.caravan.platform.tracing.TracePropagation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

@SpringBootTest(properties = "spring.application.name=platform-test")
class OutboxRelayIntegrationTests {

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    DatabaseClient database;

    @Autowired
    TransactionalOperator transactions;

    @Autowired
    OutboxProperties properties;

    @Autowired
    TracePropagation traces;

    @Autowired
    ObservationRegistry observations;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "platform_test");
    }

    @BeforeEach
    void stopTheRegularRelay() {
        relay.stop();
    }

    @AfterEach
    void restartTheRegularRelay() {
        relay.start();
    }

    @Test
    void twoRelayReplicasPublishEveryEventOnceAndInOrderPerAggregate() throws Exception {
        List<String> visits = List.of(uuid(), uuid(), uuid());
        for (int step = 0; step < 150; step++) {
            append(event(visits.get(step % 3), step));
        }
        OutboxRelay secondReplica = new OutboxRelay(
                database, transactions, producer(), properties, "platform-test", new SimpleMeterRegistry(), traces);

        try (TopicProbe topic = TopicProbe.watch(Topic.VISITS.name())) {
            var first = CompletableFuture.supplyAsync(relay::drain);
            var second = CompletableFuture.supplyAsync(secondReplica::drain);
            assertThat(first.get() + second.get()).isEqualTo(150);

            topic.await(
                    r -> r.key().equals(visits.get(2)) && titleOf(r.value()).equals("step 149"),
                    Duration.ofSeconds(30));
            var received = topic.collectFor(Duration.ofSeconds(1)).stream()
                    .filter(r -> visits.contains(r.key()))
                    .toList();
            assertThat(received).hasSize(150);
            for (String visit : visits) {
                List<Integer> steps = received.stream()
                        .filter(r -> r.key().equals(visit))
                        .map(r -> Integer.parseInt(titleOf(r.value()).substring(5)))
                        .toList();
                assertThat(steps).hasSize(50).isSorted().doesNotHaveDuplicates();
            }
        }
        assertThat(pending()).isZero();
    }

    @Test
    void anEventIsRelayedAsSoonAsItsTransactionCommitsNotAtTheNextPoll() {
        OutboxRelay hourlyPoll = new OutboxRelay(
                database,
                transactions,
                producer(),
                new OutboxProperties(Duration.ofHours(1), properties.batchSize(), properties.retention()),
                "platform-test",
                new SimpleMeterRegistry(),
                traces);
        Outbox wakingOutbox = new Outbox(database, traces, hourlyPoll::wakeUp);
        String visit = uuid();
        hourlyPoll.start();
        try (TopicProbe topic = TopicProbe.watch(Topic.VISITS.name())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> pending() == 0);

            transactions.transactional(wakingOutbox.append(event(visit, 7))).block();

            assertThat(titleOf(topic.await(r -> r.key().equals(visit), Duration.ofSeconds(10))
                            .value()))
                    .isEqualTo("step 7");
        } finally {
            hourlyPoll.stop();
        }
    }

    @Test
    void backlogGaugesShowHowManyEventsWaitAndHowLongTheOldestHasWaited() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxRelay observed =
                new OutboxRelay(database, transactions, producer(), properties, "platform-test", meters, traces);
        observed.drain();
        String visit = uuid();
        append(event(visit, 1));
        append(event(visit, 2));
        database.sql("update outbox_event set occurred_at = now() - interval '5 minutes' where aggregate_id = :id"
                        + " and payload -> 'visit' ->> 'theme' = 'step 1'")
                .bind("id", visit)
                .then()
                .block();

        observed.measureBacklog();
        assertThat(meters.get("caravan.outbox.pending").gauge().value()).isEqualTo(2);
        assertThat(meters.get("caravan.outbox.oldest.pending.age").timeGauge().value(TimeUnit.SECONDS))
                .isBetween(300.0, 360.0);

        observed.drain();
        observed.measureBacklog();
        assertThat(meters.get("caravan.outbox.pending").gauge().value()).isZero();
        assertThat(meters.get("caravan.outbox.oldest.pending.age").timeGauge().value(TimeUnit.SECONDS))
                .isZero();
    }

    @Test
    void anEventWrittenInATracedRequestIsPublishedByAChildSpanOfThatRequest() {
        String visit = uuid();
        Observation request = Observation.start("http.server.requests", observations);
        TraceContext requestSpan = TraceIds.traceContext(request).orElseThrow();
        try (TopicProbe topic = TopicProbe.watch(Topic.VISITS.name())) {
            transactions
                    .transactional(outbox.append(event(visit, 3)))
                    .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, request))
                    .block();
            request.stop();
            relay.drain();

            String traceparent = TopicProbe.header(
                    topic.await(r -> r.key().equals(visit), Duration.ofSeconds(10)), TraceIds.TRACEPARENT);
            assertThat(traceparent).startsWith("00-" + requestSpan.traceId() + "-");
            assertThat(traceparent.split("-")[2]).isNotEqualTo(requestSpan.spanId());
        }
    }

    @Test
    void anEventNoTraceWroteStartsATraceOfItsOwnWhenPublished() {
        String visit = uuid();
        try (TopicProbe topic = TopicProbe.watch(Topic.VISITS.name())) {
            append(event(visit, 4));
            relay.drain();

            assertThat(TopicProbe.header(
                            topic.await(r -> r.key().equals(visit), Duration.ofSeconds(10)), TraceIds.TRACEPARENT))
                    .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        }
    }

    @Test
    void anEventOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.append(event(uuid(), 0)).block())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the transaction");
    }

    @Test
    void aRolledBackChangeLeavesNoEventBehind() {
        String visit = uuid();
        Mono<Void> failingChange =
                outbox.append(event(visit, 0)).then(Mono.error(new IllegalStateException("rollback")));

        assertThatThrownBy(() -> transactions.transactional(failingChange).block())
                .hasMessage("rollback");

        Long rows = database.sql("select count(*) from outbox_event where aggregate_id = :id")
                .bind("id", visit)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
        assertThat(rows).isZero();
    }

    private void append(VisitScheduled event) {
        transactions.transactional(outbox.append(event)).block();
    }

    private long pending() {
        return database.sql("select count(*) from outbox_event where published_at is null")
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    /** The checked-in sample, for another visit and with the step in its theme. */
    private static VisitScheduled event(String visitId, int step) {
        VisitSnapshot sample = EventSamples.event(EventCatalog.VISIT_SCHEDULED).visit();
        VisitSnapshot visit = new VisitSnapshot(
                UUID.fromString(visitId),
                sample.caravanId(),
                sample.caravanName(),
                sample.site(),
                "step " + step,
                sample.startsAt(),
                sample.endsAt(),
                sample.expectedAudience(),
                sample.status(),
                step,
                sample.programme());
        return new VisitScheduled(visit, "coordinator-li", Instant.now());
    }

    private static String titleOf(byte[] json) {
        return EventJson.read(json, VisitScheduled.class).visit().theme();
    }

    private static KafkaTemplate<String, byte[]> producer() {
        Map<String, Object> settings = Map.of(
                "bootstrap.servers",
                TestInfrastructure.infrastructure().kafkaBootstrapServers(),
                "enable.idempotence",
                true,
                "acks",
                "all");
        return new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(settings, new StringSerializer(), new ByteArraySerializer()));
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }
}
