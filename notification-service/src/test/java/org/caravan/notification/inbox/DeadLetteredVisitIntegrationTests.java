package org.caravan.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.caravan.contracts.Topic;
import org.caravan.notification.NotificationServiceIntegrationTest;
import org.caravan.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * notification-service's own dead letters, through its API: a visit event nobody can read, dead-lettered by the
 * binder from its visits binding, waits for an operator of this service, who discards it with the reason.
 */
class DeadLetteredVisitIntegrationTests extends NotificationServiceIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void anUnreadableVisitEventWaitsForAnOperatorWhoDiscardsItWithTheReason() {
        UUID visit = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        TopicProbe.send(
                Topic.VISITS.name(),
                visit.toString(),
                VisitEventFixtures.notJson(),
                VisitEventFixtures.cloudEventHeaders(event, visit));

        await().atMost(PATIENCE).until(() -> !waiting(visit).isEmpty());
        JsonNode listed = waiting(visit).get(0);
        assertThat(listed.get("topic").asString()).isEqualTo(Topic.VISITS.name());
        assertThat(listed.get("message").asString()).contains("Unreadable");
        String id = listed.get("id").asString();
        JsonNode one = body(
                get(operator(), "/api/dead-letters/{id}", id).expectStatus().isOk());
        assertThat(one.get("deadLetterTopic").asString())
                .isEqualTo("error." + Topic.VISITS.name() + ".notification-service");
        assertThat(one.get("eventId").asString()).isEqualTo(event.toString());

        get(coordinator(), "/api/dead-letters").expectStatus().isForbidden();
        post(operator(), "/api/dead-letters/{id}/discard", java.util.Map.of("reason", " "), id)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("reason");

        JsonNode discarded = body(post(
                        operator(),
                        "/api/dead-letters/{id}/discard",
                        java.util.Map.of("reason", "Written by a broken test publisher; nothing to apply"),
                        id)
                .expectStatus()
                .isOk());
        assertThat(discarded.get("status").asString()).isEqualTo("DISCARDED");
        assertThat(discarded.get("resolvedBy").asString()).isEqualTo("operator-wang");
        assertThat(waiting(visit)).isEmpty();
    }

    private List<JsonNode> waiting(UUID visit) {
        return body(get(operator(), "/api/dead-letters?status=WAITING&key={visit}", visit)
                        .expectStatus()
                        .isOk())
                .valueStream()
                .peek(letter -> assertThat(letter.get("key").asString()).isEqualTo(visit.toString()))
                .toList();
    }

    private static String operator() {
        return token("operator-wang", "operator");
    }
}
