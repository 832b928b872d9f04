package org.caravan.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.caravan.platform.outbox.OutboxRelay;
import org.caravan.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(properties = "spring.application.name=platform-test")
class HousekeepingIntegrationTests {

    private static final String CONSUMER = "housekeeping-test";

    @Autowired
    Housekeeping housekeeping;

    @Autowired
    OutboxRelay relay;

    @Autowired
    DatabaseClient database;

    private final String aggregate = UUID.randomUUID().toString();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "platform_test");
    }

    @BeforeEach
    void holdTheRelaySoThatPendingEventsStayPending() {
        relay.stop();
    }

    @AfterEach
    void cleanUp() {
        database.sql("delete from outbox_event where aggregate_id = :aggregate")
                .bind("aggregate", aggregate)
                .then()
                .block();
        database.sql("delete from processed_event where consumer = :consumer")
                .bind("consumer", CONSUMER)
                .then()
                .block();
        relay.start();
    }

    @Test
    void sentOutboxEventsGoAfterAWeekClaimsOnProcessedEventsAfterAMonthAndPendingEventsNever() {
        outboxEvent("sent 8 days ago", daysAgo(8), daysAgo(8));
        outboxEvent("sent 6 days ago", daysAgo(6), daysAgo(6));
        outboxEvent("pending for 40 days", daysAgo(40), null);
        processedEvent("VisitScheduled.v1", daysAgo(31));
        processedEvent("VisitCancelled.v1", daysAgo(29));

        assertThat(housekeeping.runNow()).isGreaterThanOrEqualTo(2);

        assertThat(database.sql("select payload ->> 'note' as note from outbox_event where aggregate_id = :aggregate")
                        .bind("aggregate", aggregate)
                        .map(row -> row.get("note", String.class))
                        .all()
                        .collectList()
                        .block())
                .containsExactlyInAnyOrder("sent 6 days ago", "pending for 40 days");
        assertThat(database.sql("select event_type from processed_event where consumer = :consumer")
                        .bind("consumer", CONSUMER)
                        .map(row -> row.get("event_type", String.class))
                        .all()
                        .collectList()
                        .block())
                .isEqualTo(List.of("VisitCancelled.v1"));
    }

    private void outboxEvent(String note, Instant occurredAt, Instant publishedAt) {
        var insert = database.sql(
                        """
                        insert into outbox_event
                          (event_id, aggregate_type, aggregate_id, event_type, topic, payload, occurred_at, published_at)
                        values (:id, 'visit', :aggregate, 'VisitScheduled.v1', 'caravan.visits.v1',
                                jsonb_build_object('note', :note::text), :occurredAt, :publishedAt)
                        """)
                .bind("id", UUID.randomUUID())
                .bind("aggregate", aggregate)
                .bind("note", note)
                .bind("occurredAt", occurredAt);
        insert = publishedAt == null
                ? insert.bindNull("publishedAt", Instant.class)
                : insert.bind("publishedAt", publishedAt);
        insert.then().block();
    }

    private void processedEvent(String type, Instant processedAt) {
        database.sql(
                        """
                        insert into processed_event (consumer, event_id, event_type, processed_at)
                        values (:consumer, :id, :type, :processedAt)
                        """)
                .bind("consumer", CONSUMER)
                .bind("id", UUID.randomUUID())
                .bind("type", type)
                .bind("processedAt", processedAt)
                .then()
                .block();
    }

    private static Instant daysAgo(int days) {
        return Instant.now().minus(Duration.ofDays(days));
    }
}
