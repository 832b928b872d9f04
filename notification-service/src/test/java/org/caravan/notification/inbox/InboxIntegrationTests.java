package org.caravan.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.staffing.AssignmentConfirmed;
import org.caravan.contracts.staffing.AssignmentOffered;
import org.caravan.notification.NotificationServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import tools.jackson.databind.JsonNode;

class InboxIntegrationTests extends NotificationServiceIntegrationTest {

    private static final Instant NEXT_WEEK = now().plus(Duration.ofDays(7));

    @Test
    void unreadNoticesComeFirstAndOnlyTheirOwnerCanMarkThemRead() {
        String subject = "ma-" + UUID.randomUUID();
        UUID volunteer = registeredVolunteer(subject, null, "en", List.of("INBOX"), null, null);
        UUID visit = UUID.randomUUID();
        publishAssignment(
                EventCatalog.ASSIGNMENT_OFFERED,
                new AssignmentOffered(assignment(volunteer, visit, "OFFERED", NEXT_WEEK), now()));
        awaitInbox(subject, "volunteer", 1);
        publishAssignment(
                EventCatalog.ASSIGNMENT_CONFIRMED,
                new AssignmentConfirmed(assignment(volunteer, visit, "CONFIRMED", NEXT_WEEK), now()));
        String newest = awaitInbox(subject, "volunteer", 2).get(0).path("id").asString();

        post(token("someone-else", "volunteer"), "/api/inbox/{id}/read", null, newest)
                .expectStatus()
                .isNotFound();
        JsonNode read = body(post(token(subject, "volunteer"), "/api/inbox/{id}/read", null, newest)
                .expectStatus()
                .isOk());

        assertThat(read.path("readAt").isNull()).isFalse();
        List<JsonNode> inbox = inboxOf(subject, "volunteer");
        assertThat(inbox.get(0).path("readAt").isNull()).isTrue();
        assertThat(inbox.get(1).path("id").asString()).isEqualTo(newest);
        String delivery = read.path("deliveryId").asString();
        assertThat(body(get(token("ops", "operator"), "/api/deliveries?recipient=volunteer:" + volunteer)
                                .expectStatus()
                                .isOk())
                        .valueStream()
                        .filter(d -> d.path("delivery").path("id").asString().equals(delivery))
                        .flatMap(d -> d.path("history").valueStream())
                        .map(h -> h.path("status").asString()))
                .containsExactly("QUEUED", "SENT", "READ");
    }

    @Test
    void aBrowserFollowingTheStreamReceivesNewNoticesAsTheyArrive() {
        String subject = "he-" + UUID.randomUUID();
        UUID volunteer = registeredVolunteer(subject, null, "en", List.of("INBOX"), null, null);
        var stream = http.get()
                .uri("/api/inbox/stream")
                .headers(h -> h.setBearerAuth(token(subject, "volunteer")))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {})
                .getResponseBody();

        publishAssignment(
                EventCatalog.ASSIGNMENT_CONFIRMED,
                new AssignmentConfirmed(assignment(volunteer, UUID.randomUUID(), "CONFIRMED", NEXT_WEEK), now()));

        ServerSentEvent<JsonNode> notice =
                stream.filter(event -> event.data() != null).blockFirst(Duration.ofSeconds(30));
        assertThat(notice).isNotNull();
        assertThat(notice.event()).isEqualTo("notice");
        assertThat(notice.data().path("title").asString()).isEqualTo("Confirmed: Recitation 《读中国》 Reading China");
    }
}
