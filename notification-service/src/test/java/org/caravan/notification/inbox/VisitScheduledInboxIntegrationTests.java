package org.caravan.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.Topic;
import org.caravan.notification.NotificationServiceIntegrationTest;
import org.caravan.platform.testing.EventSamples;
import org.caravan.platform.testing.TestInfrastructure;
import org.caravan.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class VisitScheduledInboxIntegrationTests extends NotificationServiceIntegrationTest {

    private static final String VISITS = Topic.VISITS.name();
    private static final String DEAD_LETTERS = "error." + VISITS + ".notification-service";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void scheduledVisitBecomesAnInboxEntryForTheCoordinatorWhoScheduledIt() {
        String coordinator = "coordinator-" + UUID.randomUUID();
        UUID visitId = UUID.randomUUID();

        publishVisitScheduled(UUID.randomUUID(), visitId, coordinator);

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(inboxOf(coordinator)).hasSize(1));
        JsonNode entry = inboxOf(coordinator).get(0);
        assertThat(entry.get("kind").asString()).isEqualTo("VISIT_SCHEDULED");
        assertThat(entry.get("subjectId").asString()).isEqualTo(visitId.toString());
        assertThat(entry.get("title").asString())
                .isEqualTo("活动已发布："
                        + EventSamples.event(EventCatalog.VISIT_SCHEDULED)
                                .visit()
                                .theme());
        assertThat(entry.get("body").asString())
                .contains("蒲公英中学 Dandelion School", "2026年9月26日 09:30", "Asia/Shanghai", "共 2 个节目");
    }

    @Test
    void theSameEventDeliveredTwiceGivesOneInboxEntry() {
        String coordinator = "coordinator-" + UUID.randomUUID();
        UUID visitId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();

        publishVisitScheduled(eventId, visitId, coordinator);
        publishVisitScheduled(eventId, visitId, coordinator);
        // Same key, same partition: once this later event is in, both copies before it were consumed.
        UUID laterVisit = UUID.randomUUID();
        TopicProbe.send(
                VISITS,
                visitId.toString(),
                VisitEventFixtures.visitScheduledBy(coordinator, laterVisit),
                VisitEventFixtures.cloudEventHeaders(UUID.randomUUID(), laterVisit));

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(inboxOf(coordinator)).hasSize(2));
        assertThat(inboxOf(coordinator))
                .extracting(e -> e.get("subjectId").asString())
                .containsExactlyInAnyOrder(visitId.toString(), laterVisit.toString());
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicWithItsReasonAndTheNextRecordIsStillProcessed() {
        String coordinator = "coordinator-" + UUID.randomUUID();
        UUID visitId = UUID.randomUUID();
        UUID poisonId = UUID.randomUUID();
        try (TopicProbe deadLetters = TopicProbe.watch(DEAD_LETTERS)) {
            TopicProbe.send(
                    VISITS,
                    visitId.toString(),
                    VisitEventFixtures.notJson(),
                    VisitEventFixtures.cloudEventHeaders(poisonId, visitId));
            publishVisitScheduled(UUID.randomUUID(), visitId, coordinator);

            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(inboxOf(coordinator)).hasSize(1));
            var deadLetter =
                    deadLetters.await(r -> poisonId.toString().equals(TopicProbe.header(r, "ce_id")), PATIENCE);
            assertThat(TopicProbe.header(deadLetter, "x-exception-message")).contains("Unreadable");
            assertThat(TopicProbe.header(deadLetter, "x-original-topic")).isEqualTo(VISITS);
            assertThat(deadLetter.value()).isEqualTo(VisitEventFixtures.notJson());
        }
    }

    @Test
    void nobodySeesSomeoneElsesInbox() {
        String coordinator = "coordinator-" + UUID.randomUUID();
        publishVisitScheduled(UUID.randomUUID(), UUID.randomUUID(), coordinator);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(inboxOf(coordinator)).hasSize(1));

        assertThat(inboxOf("volunteer-" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void inboxNeedsAToken() {
        http.get()
                .uri("/api/inbox")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static void publishVisitScheduled(UUID eventId, UUID visitId, String coordinator) {
        TopicProbe.send(
                VISITS,
                visitId.toString(),
                VisitEventFixtures.visitScheduledBy(coordinator, visitId),
                VisitEventFixtures.cloudEventHeaders(eventId, visitId));
    }

    private List<JsonNode> inboxOf(String person) {
        JsonNode entries = http.get()
                .uri("/api/inbox")
                .headers(h -> h.setBearerAuth(TestInfrastructure.tokens().mint(person, "coordinator")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        return entries.valueStream().toList();
    }
}
