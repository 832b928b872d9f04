package org.caravan.volunteer.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.Topic;
import org.caravan.contracts.volunteer.VolunteerRegistered;
import org.caravan.platform.EventJson;
import org.caravan.platform.messaging.CloudEventHeaders;
import org.caravan.platform.testing.TopicProbe;
import org.caravan.volunteer.VolunteerServiceIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A registration publishes one {@code VolunteerRegistered} through the outbox, in the transaction that registers the
 * volunteer: identity-service invites the person from it, notification-service learns how to reach them. A refused
 * registration publishes nothing.
 */
class VolunteerRegisteredIntegrationTests extends VolunteerServiceIntegrationTest {

    private TopicProbe volunteers;

    @BeforeEach
    void watch() {
        volunteers = TopicProbe.watch(Topic.VOLUNTEERS.name());
    }

    @AfterEach
    void stopWatching() {
        volunteers.close();
    }

    @Test
    void aRegistrationPublishesTheVolunteerOnceWithWhatTheirInvitationNeeds() {
        String subject = "volunteer-" + UUID.randomUUID();
        String email = subject + "@volunteers.example";
        Instant before = now();

        JsonNode registered = body(post(coordinator(), "/api/volunteers", registration(subject, email, "en"))
                .expectStatus()
                .isCreated());
        String volunteerId = registered.path("id").asString();

        VolunteerRegistered event = awaitEvent(volunteers, volunteerId, EventCatalog.VOLUNTEER_REGISTERED);
        assertThat(event.volunteerId()).hasToString(volunteerId);
        assertThat(event.subject()).isEqualTo(subject);
        assertThat(event.name()).isEqualTo("杨辉 Yang Hui");
        assertThat(event.email()).isEqualTo(email);
        assertThat(event.locale()).isEqualTo("en");
        assertThat(event.registeredAt()).isBetween(before, now());
        List<ConsumerRecord<String, byte[]>> records = aboutTheVolunteer(volunteerId);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.get(0);
        assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("org.caravan.volunteer.registered.v1");
        assertThat(TopicProbe.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(volunteerId);
        assertThat(TopicProbe.header(record, CloudEventHeaders.SOURCE)).isEqualTo("volunteer-service");
        assertThat(UUID.fromString(TopicProbe.header(record, CloudEventHeaders.ID)))
                .isNotNull();
    }

    @Test
    void aRegistrationWithoutAnAddressIsPublishedTooForTheInbox() {
        String subject = "volunteer-" + UUID.randomUUID();
        Map<String, Object> withoutEmail = registration(subject, null, "zh-CN");

        String volunteerId = body(post(coordinator(), "/api/volunteers", withoutEmail)
                        .expectStatus()
                        .isCreated())
                .path("id")
                .asString();

        VolunteerRegistered event = awaitEvent(volunteers, volunteerId, EventCatalog.VOLUNTEER_REGISTERED);
        assertThat(event.email()).isNull();
        assertThat(event.subject()).isEqualTo(subject);
    }

    @Test
    void aRefusedRegistrationPublishesNothing() {
        String subject = "volunteer-" + UUID.randomUUID();
        post(coordinator(), "/api/volunteers", registration(subject, subject + "@volunteers.example", "zh-CN"))
                .expectStatus()
                .isCreated();
        String takenBy = "second-" + subject + "@volunteers.example";
        String invalidBy = "invalid-" + subject + "@volunteers.example";
        Map<String, Object> invalid = registration("other-" + subject, invalidBy, "fr");

        post(coordinator(), "/api/volunteers", registration(subject, takenBy, "zh-CN"))
                .expectStatus()
                .isEqualTo(409);
        post(coordinator(), "/api/volunteers", invalid).expectStatus().isBadRequest();
        post(
                        token("volunteer-" + UUID.randomUUID(), "volunteer"),
                        "/api/volunteers",
                        registration("self-" + subject, invalidBy, "zh-CN"))
                .expectStatus()
                .isForbidden();
        String next = "volunteer-next-" + UUID.randomUUID();
        String nextId = body(post(coordinator(), "/api/volunteers", registration(next, null, "zh-CN"))
                        .expectStatus()
                        .isCreated())
                .path("id")
                .asString();

        awaitEvent(volunteers, nextId, EventCatalog.VOLUNTEER_REGISTERED);
        List<ConsumerRecord<String, byte[]>> all = volunteers.collectFor(Duration.ofSeconds(1));
        assertThat(all).as("nothing of the refused registrations was published").noneMatch(r -> {
            String json = new String(r.value(), StandardCharsets.UTF_8);
            return json.contains(takenBy) || json.contains(invalidBy);
        });
        assertThat(all.stream()
                        .filter(r -> EventCatalog.VOLUNTEER_REGISTERED.name().equals(TopicProbe.header(r, "ce_type")))
                        .map(r -> EventJson.read(r.value(), VolunteerRegistered.class)
                                .subject())
                        .filter(subject::equals))
                .as("the first registration of the subject, once")
                .hasSize(1);
    }

    /** Every record about the volunteer that reaches the topic within a few seconds of the first. */
    private List<ConsumerRecord<String, byte[]>> aboutTheVolunteer(String volunteerId) {
        return volunteers.collectFor(Duration.ofSeconds(2)).stream()
                .filter(r -> volunteerId.equals(r.key()))
                .toList();
    }

    private static Map<String, Object> registration(String subject, String email, String locale) {
        Map<String, Object> registration = new HashMap<>(Map.of(
                "name",
                "杨辉 Yang Hui",
                "subject",
                subject,
                "skills",
                List.of("talk"),
                "languages",
                List.of("zh-CN"),
                "locale",
                locale));
        if (email != null) {
            registration.put("email", email);
        }
        return registration;
    }
}
