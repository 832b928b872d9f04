package org.caravan.event.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.EventType;
import org.caravan.contracts.Topic;
import org.caravan.contracts.visit.ProgrammeChange;
import org.caravan.contracts.visit.ProgrammeChanged;
import org.caravan.contracts.visit.VisitCancelled;
import org.caravan.contracts.visit.VisitCompleted;
import org.caravan.contracts.visit.VisitRescheduled;
import org.caravan.contracts.visit.VisitScheduled;
import org.caravan.contracts.visit.VisitStarted;
import org.caravan.event.EventServiceIntegrationTest;
import org.caravan.platform.EventJson;
import org.caravan.platform.messaging.CloudEventHeaders;
import org.caravan.platform.outbox.OutboxRelay;
import org.caravan.platform.testing.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/** Each change to a published visit is read back from the real broker, keyed by the visit, carrying it whole. */
class VisitEventsIntegrationTests extends EventServiceIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static TopicProbe visits;

    @Autowired
    OutboxRelay relay;

    @Autowired
    DatabaseClient database;

    @BeforeAll
    static void watch() {
        visits = TopicProbe.watch(Topic.VISITS.name());
    }

    @AfterAll
    static void stopWatching() {
        visits.close();
    }

    @Test
    void schedulingPublishesTheVisitWithItsSiteAndWholeProgrammeAsCloudEvent() {
        JsonNode visit = draftWithProgramme();
        String id = visit.path("id").asString();
        var response = action(visit, "schedule", Map.of())
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult();

        var record = await(id, EventCatalog.VISIT_SCHEDULED);
        VisitScheduled event = EventJson.read(record.value(), VisitScheduled.class);

        assertThat(TopicProbe.header(record, CloudEventHeaders.SOURCE)).isEqualTo("event-service");
        assertThat(TopicProbe.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(id);
        assertThat(TopicProbe.header(record, CloudEventHeaders.ID)).matches("[0-9a-f-]{36}");
        assertThat(TopicProbe.header(record, "traceparent"))
                .contains(response.getResponseHeaders().getFirst("X-Trace-Id"));
        assertThat(event.scheduledBy()).isEqualTo(COORDINATOR);
        assertThat(event.visit().site().district()).isEqualTo("大兴区 Daxing");
        assertThat(event.visit().site().timeZone()).isEqualTo("Asia/Shanghai");
        assertThat(event.visit().site().location().lat()).isEqualTo(39.787);
        assertThat(event.visit().programme()).hasSize(8);
        assertThat(event.visit().programme().get(2).needs()).hasSize(3);
        assertThat(event.visit().programme().get(0).teamSlots()).isEqualTo(1);
        assertThat(event.visit().status()).isEqualTo("SCHEDULED");
    }

    @Test
    void eachLaterChangePublishesItsOwnEventInOrder() {
        JsonNode visit = scheduledVisit();
        String id = visit.path("id").asString();
        String items = "/api/visits/" + id + "/programme-items";

        visit = body(send(HttpMethod.POST, items, programmeItem(3), null)
                .expectStatus()
                .isCreated());
        visit = body(action(
                        visit,
                        "reschedule",
                        Map.of("startsAt", "2026-09-27T09:30:00", "endsAt", "2026-09-27T11:30:00", "reason", "Rain"))
                .expectStatus()
                .isOk());
        visit = body(action(visit, "start", Map.of()).expectStatus().isOk());
        action(visit, "complete", Map.of()).expectStatus().isOk();

        var added = EventJson.read(await(id, EventCatalog.PROGRAMME_CHANGED).value(), ProgrammeChanged.class);
        assertThat(added.change()).isEqualTo(ProgrammeChange.ADDED);
        assertThat(added.visit().programme()).hasSize(9);
        var moved = EventJson.read(await(id, EventCatalog.VISIT_RESCHEDULED).value(), VisitRescheduled.class);
        assertThat(moved.previousStartsAt()).hasToString("2026-09-26T09:30");
        assertThat(moved.visit().startsAt()).hasToString("2026-09-27T09:30");
        assertThat(moved.reason()).isEqualTo("Rain");
        assertThat(EventJson.read(await(id, EventCatalog.VISIT_STARTED).value(), VisitStarted.class)
                        .visit()
                        .status())
                .isEqualTo("IN_PROGRESS");
        assertThat(EventJson.read(await(id, EventCatalog.VISIT_COMPLETED).value(), VisitCompleted.class)
                        .visit()
                        .status())
                .isEqualTo("COMPLETED");
        assertThat(typesFor(id))
                .containsExactly(
                        EventCatalog.VISIT_SCHEDULED.name(),
                        EventCatalog.PROGRAMME_CHANGED.name(),
                        EventCatalog.VISIT_RESCHEDULED.name(),
                        EventCatalog.VISIT_STARTED.name(),
                        EventCatalog.VISIT_COMPLETED.name());
    }

    @Test
    void cancellingAScheduledVisitPublishesTheReason() {
        JsonNode visit = scheduledVisit();
        action(visit, "cancel", Map.of("reason", "The school is closed for an inspection"))
                .expectStatus()
                .isOk();

        var cancelled = EventJson.read(
                await(visit.path("id").asString(), EventCatalog.VISIT_CANCELLED).value(), VisitCancelled.class);
        assertThat(cancelled.reason()).isEqualTo("The school is closed for an inspection");
        assertThat(cancelled.visit().status()).isEqualTo("CANCELLED");
    }

    @Test
    void aDraftsChangesPublishNothingItsSchedulingIsItsFirstEvent() {
        JsonNode draft = draftWithProgramme();
        String id = draft.path("id").asString();
        draft = body(send(HttpMethod.POST, "/api/visits/" + id + "/programme-items", programmeItem(3), null)
                .expectStatus()
                .isCreated());
        draft = body(action(
                        draft,
                        "reschedule",
                        Map.of("startsAt", "2026-09-27T09:30:00", "endsAt", "2026-09-27T11:30:00", "reason", "Hall"))
                .expectStatus()
                .isOk());
        action(draft, "schedule", Map.of()).expectStatus().isOk();

        // The scheduling is the fence: anything the draft had published would be before it on the same key.
        await(id, EventCatalog.VISIT_SCHEDULED);
        assertThat(typesFor(id)).containsExactly(EventCatalog.VISIT_SCHEDULED.name());
    }

    @Test
    void cancellingADraftLeavesNothingToPublish() {
        JsonNode draft = draftWithProgramme();
        String id = draft.path("id").asString();
        action(draft, "cancel", Map.of("reason", "Never mind")).expectStatus().isOk();

        // The outbox keeps published rows too (until housekeeping): none at all means nothing was or will be sent.
        assertThat(outboxRowsFor(id)).isZero();
    }

    @Test
    void relayResumesAfterBeingStoppedWithEventsPending() {
        JsonNode draft = draftVisit();
        String id = draft.path("id").asString();
        relay.stop();
        try {
            action(draft, "schedule", Map.of()).expectStatus().isOk();
            assertThat(outboxRowsFor(id)).isEqualTo(1);
            assertThat(unpublishedOutboxRowsFor(id)).isEqualTo(1);
        } finally {
            relay.start();
        }
        await(id, EventCatalog.VISIT_SCHEDULED);
        assertThat(typesFor(id)).containsExactly(EventCatalog.VISIT_SCHEDULED.name());
    }

    private ConsumerRecord<String, byte[]> await(String visitId, EventType<?> type) {
        return visits.await(
                r -> visitId.equals(r.key()) && type.name().equals(TopicProbe.header(r, CloudEventHeaders.TYPE)),
                PATIENCE);
    }

    /** The types of the records on the visit's key seen so far; call it after awaiting a fence on that key. */
    private List<String> typesFor(String visitId) {
        return visits.seen().stream()
                .filter(r -> visitId.equals(r.key()))
                .map(r -> TopicProbe.header(r, CloudEventHeaders.TYPE))
                .toList();
    }

    private long outboxRowsFor(String visitId) {
        return count("select count(*) from outbox_event where aggregate_id = :id", visitId);
    }

    private long unpublishedOutboxRowsFor(String visitId) {
        return count("select count(*) from outbox_event where aggregate_id = :id and published_at is null", visitId);
    }

    private long count(String sql, String visitId) {
        return database.sql(sql)
                .bind("id", visitId)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }
}
