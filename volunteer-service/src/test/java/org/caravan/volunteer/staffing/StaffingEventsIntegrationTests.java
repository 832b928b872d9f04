package org.caravan.volunteer.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.EventType;
import org.caravan.contracts.Topic;
import org.caravan.contracts.staffing.AssignmentConfirmed;
import org.caravan.contracts.staffing.AssignmentOffered;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.contracts.volunteer.VolunteerRegistered;
import org.caravan.platform.EventJson;
import org.caravan.platform.messaging.CloudEventHeaders;
import org.caravan.platform.testing.TopicProbe;
import org.caravan.volunteer.VolunteerServiceIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What notification-service will hear: registrations, offers and answers, read back from the real broker. */
class StaffingEventsIntegrationTests extends VolunteerServiceIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static TopicProbe assignments;
    private static TopicProbe volunteers;

    @BeforeAll
    static void watch() {
        assignments = TopicProbe.watch(Topic.ASSIGNMENTS.name());
        volunteers = TopicProbe.watch(Topic.VOLUNTEERS.name());
    }

    @AfterAll
    static void stopWatching() {
        assignments.close();
        volunteers.close();
    }

    @Test
    void registeringAVolunteerPublishesTheirContactLocaleAndTimeZone() {
        String subject = "volunteer-" + UUID.randomUUID();
        String volunteerId = registerVolunteer(subject, "recitation", "Singing");

        var record = await(volunteers, volunteerId, EventCatalog.VOLUNTEER_REGISTERED);
        VolunteerRegistered registered = EventJson.read(record.value(), VolunteerRegistered.class);
        assertThat(registered.subject()).isEqualTo(subject);
        assertThat(registered.skills()).containsExactly("RECITATION", "SINGING");
        assertThat(registered.locale()).isEqualTo("zh-CN");
        assertThat(registered.timeZone()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void anOfferAndItsAcceptancePublishTheAssignmentWithItsItemAndVisit() {
        VisitSnapshot visit = scheduledVisit();
        String subject = "reciter-" + UUID.randomUUID();
        String volunteerId = registerVolunteer(subject, "RECITATION");
        UUID item = visit.programme().get(0).itemId();

        JsonNode offered = offer(item, "reciter", volunteerId)
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        String assignmentId = offered.path("id").asString();
        http.post()
                .uri("/api/assignments/{id}/accept", assignmentId)
                .headers(h -> h.setBearerAuth(volunteerToken(subject)))
                .exchange()
                .expectStatus()
                .isOk();

        AssignmentOffered offer = EventJson.read(
                await(assignments, assignmentId, EventCatalog.ASSIGNMENT_OFFERED)
                        .value(),
                AssignmentOffered.class);
        assertThat(offer.assignment().visitId()).isEqualTo(visit.visitId());
        assertThat(offer.assignment().itemTitle())
                .isEqualTo(visit.programme().get(0).title());
        assertThat(offer.assignment().timeZone()).isEqualTo("Asia/Shanghai");
        assertThat(offer.assignment().offerExpiresAt())
                .isAfter(offer.offeredAt().plus(Duration.ofHours(47)));
        AssignmentConfirmed confirmed = EventJson.read(
                await(assignments, assignmentId, EventCatalog.ASSIGNMENT_CONFIRMED)
                        .value(),
                AssignmentConfirmed.class);
        assertThat(confirmed.assignment().status()).isEqualTo("CONFIRMED");
        assertThat(confirmed.assignment().volunteerId().toString()).isEqualTo(volunteerId);
    }

    private static ConsumerRecord<String, byte[]> await(TopicProbe topic, String key, EventType<?> type) {
        return topic.await(
                r -> key.equals(r.key()) && type.name().equals(TopicProbe.header(r, CloudEventHeaders.TYPE)), PATIENCE);
    }
}
