package org.caravan.volunteer.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.Topic;
import org.caravan.contracts.volunteer.VolunteerContactChanged;
import org.caravan.contracts.volunteer.VolunteerRegistered;
import org.caravan.platform.testing.TopicProbe;
import org.caravan.volunteer.VolunteerServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

class VolunteerProfileIntegrationTests extends VolunteerServiceIntegrationTest {

    private static final Map<String, Object> WEBHOOK_FIRST = Map.of(
            "channels", List.of("webhook", "EMAIL"),
            "quietHours", Map.of("from", "22:00", "to", "07:30"),
            "webhookUrl", "https://chat.example/hooks/wang");

    @Test
    void aVolunteerIsRegisteredOnlyWithTheSubjectTheySignInAs() {
        for (String subject : new String[] {null, "", "   "}) {
            java.util.Map<String, Object> registration = new java.util.HashMap<>();
            registration.put("name", "Nobody in particular");
            registration.put("subject", subject);
            JsonNode problem = body(post(coordinator(), "/api/volunteers", registration)
                    .expectStatus()
                    .isBadRequest());
            assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("subject");
        }
    }

    @Test
    void aRegistrationCarriesContactPreferencesToTheOtherServices() {
        String subject = "wang-" + UUID.randomUUID();
        try (TopicProbe topic = TopicProbe.watch(Topic.VOLUNTEERS.name())) {
            JsonNode registered = body(post(coordinator(), "/api/volunteers", registration(subject, WEBHOOK_FIRST))
                    .expectStatus()
                    .isCreated());

            VolunteerRegistered event =
                    awaitEvent(topic, registered.path("id").asString(), EventCatalog.VOLUNTEER_REGISTERED);
            assertThat(event.contactPreferences().channels()).containsExactly("WEBHOOK", "EMAIL");
            assertThat(event.contactPreferences().quietHours().from()).isEqualTo(LocalTime.of(22, 0));
            assertThat(event.contactPreferences().webhookUrl()).isEqualTo("https://chat.example/hooks/wang");
        }
    }

    @Test
    void aVolunteerChangesTheirOwnProfileAndTheChangeOfContactIsPublished() {
        String subject = "wang-" + UUID.randomUUID();
        post(coordinator(), "/api/volunteers", registration(subject, null))
                .expectStatus()
                .isCreated();
        String etag =
                me(subject).returnResult(JsonNode.class).getResponseHeaders().getETag();

        try (TopicProbe topic = TopicProbe.watch(Topic.VOLUNTEERS.name())) {
            JsonNode updated = body(
                    put(subject, etag, profile(WEBHOOK_FIRST)).expectStatus().isOk());

            assertThat(updated.path("locale").asString()).isEqualTo("en");
            assertThat(updated.path("availability")
                            .path("weekly")
                            .get(0)
                            .path("day")
                            .asString())
                    .isEqualTo("SATURDAY");
            VolunteerContactChanged changed =
                    awaitEvent(topic, updated.path("id").asString(), EventCatalog.VOLUNTEER_CONTACT_CHANGED);
            assertThat(changed.locale()).isEqualTo("en");
            assertThat(changed.contactPreferences().channels()).containsExactly("WEBHOOK", "EMAIL");
        }
        assertThat(body(me(subject)).path("skills").get(0).asString()).isEqualTo("RECITATION");
    }

    @Test
    void aStaleOrMissingVersionChangesNothing() {
        String subject = "wang-" + UUID.randomUUID();
        post(coordinator(), "/api/volunteers", registration(subject, null))
                .expectStatus()
                .isCreated();
        String etag =
                me(subject).returnResult(JsonNode.class).getResponseHeaders().getETag();
        put(subject, etag, profile(null)).expectStatus().isOk();

        put(subject, etag, profile(WEBHOOK_FIRST)).expectStatus().isEqualTo(412);
        put(subject, null, profile(WEBHOOK_FIRST)).expectStatus().isEqualTo(428);

        assertThat(body(me(subject))
                        .path("contactPreferences")
                        .path("channels")
                        .get(0)
                        .asString())
                .isEqualTo("INBOX");
    }

    @Test
    void unusablePreferencesAreRefusedNamingTheField() {
        String subject = "wang-" + UUID.randomUUID();
        post(coordinator(), "/api/volunteers", registration(subject, null))
                .expectStatus()
                .isCreated();
        String etag =
                me(subject).returnResult(JsonNode.class).getResponseHeaders().getETag();

        JsonNode noUrl = body(put(subject, etag, profile(Map.of("channels", List.of("WEBHOOK"))))
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON));
        JsonNode backwards = body(put(
                        subject,
                        etag,
                        Map.of(
                                "name",
                                "Wang",
                                "availability",
                                Map.of("weekly", List.of(Map.of("day", "MONDAY", "from", "18:00", "to", "08:00")))))
                .expectStatus()
                .isBadRequest());

        assertThat(noUrl.path("errors").get(0).path("field").asString()).isEqualTo("contactPreferences.webhookUrl");
        assertThat(backwards.path("errors").get(0).path("field").asString()).isEqualTo("availability.weekly[0]");
        assertThat(me(subject).returnResult(JsonNode.class).getResponseHeaders().getETag())
                .isEqualTo(etag);
    }

    @Test
    void aWebhookUrlThatWouldReachInsideIsRefusedAtRegistrationAndOnChangeNamingTheField() {
        String subject = "wang-" + UUID.randomUUID();
        post(coordinator(), "/api/volunteers", registration(subject, null))
                .expectStatus()
                .isCreated();
        String etag =
                me(subject).returnResult(JsonNode.class).getResponseHeaders().getETag();
        Map<String, String> refusals = Map.of(
                "http://127.0.0.1:9081/actuator/prometheus", "points at 127.0.0.1, a loopback address",
                "http://[::1]:15432/", "a loopback address",
                "http://[::ffff:10.0.0.7]/hook", "10.0.0.7, a private network address (RFC 1918)",
                "http://169.254.169.254/latest/meta-data/", "a cloud metadata service",
                "http://[fd00:ec2::254]/", "a cloud metadata service",
                "https://ops:secret@chat.example/hook", "carries a user name or password",
                "http://2130706433/", "unusual form",
                "http://kafka:9092/", "names a host without a domain",
                "file:///etc/passwd", "is not an http or https URL");

        refusals.forEach((url, why) -> {
            Map<String, Object> preferences = Map.of("channels", List.of("WEBHOOK"), "webhookUrl", url);
            for (JsonNode refused : List.of(
                    body(put(subject, etag, profile(preferences))
                            .expectStatus()
                            .isBadRequest()
                            .expectHeader()
                            .contentType(MediaType.APPLICATION_PROBLEM_JSON)),
                    body(post(coordinator(), "/api/volunteers", registration("x-" + UUID.randomUUID(), preferences))
                            .expectStatus()
                            .isBadRequest()))) {
                JsonNode error = refused.path("errors").get(0);
                assertThat(error.path("field").asString()).as(url).isEqualTo("contactPreferences.webhookUrl");
                assertThat(error.path("message").asString()).as(url).contains(why);
            }
        });
        assertThat(me(subject).returnResult(JsonNode.class).getResponseHeaders().getETag())
                .isEqualTo(etag);
    }

    private WebTestClient.ResponseSpec me(String subject) {
        return http.get()
                .uri("/api/volunteers/me")
                .headers(h -> h.setBearerAuth(volunteerToken(subject)))
                .exchange()
                .expectStatus()
                .isOk();
    }

    private WebTestClient.ResponseSpec put(String subject, String etag, Object body) {
        return http.put()
                .uri("/api/volunteers/me")
                .headers(h -> {
                    h.setBearerAuth(volunteerToken(subject));
                    if (etag != null) {
                        h.set(HttpHeaders.IF_MATCH, etag);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static Map<String, Object> registration(String subject, Map<String, Object> preferences) {
        Map<String, Object> registration = new java.util.HashMap<>(Map.of(
                "name", "王小米 Wang Xiaomi",
                "subject", subject,
                "email", "wang@volunteers.example",
                "skills", List.of("recitation"),
                "locale", "zh-CN"));
        if (preferences != null) {
            registration.put("contactPreferences", preferences);
        }
        return registration;
    }

    private static Map<String, Object> profile(Map<String, Object> preferences) {
        Map<String, Object> profile = new java.util.HashMap<>(Map.of(
                "name", "王小米 Wang Xiaomi",
                "email", "wang@volunteers.example",
                "locale", "en",
                "timeZone", "Asia/Shanghai",
                "availability",
                        Map.of(
                                "weekly", List.of(Map.of("day", "SATURDAY", "from", "08:00", "to", "18:00")),
                                "exceptions", List.of(Map.of("date", "2026-10-03", "available", false)))));
        if (preferences != null) {
            profile.put("contactPreferences", preferences);
        }
        return profile;
    }
}
