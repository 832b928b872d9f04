package org.caravan.volunteer.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.Topic;
import org.caravan.contracts.staffing.AssignmentPromoted;
import org.caravan.contracts.staffing.AssignmentWithdrawn;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.platform.EventJson;
import org.caravan.platform.messaging.CloudEventHeaders;
import org.caravan.platform.testing.TopicProbe;
import org.caravan.volunteer.VolunteerServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

class WaitlistIntegrationTests extends VolunteerServiceIntegrationTest {

    @Test
    void whenAConfirmedVolunteerWithdrawsTheFirstPersonWaitingIsOfferedThePlace() {
        VisitSnapshot visit = scheduledVisit();
        UUID recitation = visit.programme().get(0).itemId();
        List<String> people = subjects("reciter", 8);
        List<String> assignments = people.stream()
                .map(subject -> acceptedOffer(recitation, subject))
                .toList();
        assertThat(statusOf(assignments.get(6), people.get(6))).isEqualTo("WAITLISTED");

        try (TopicProbe topic = TopicProbe.watch(Topic.ASSIGNMENTS.name())) {
            JsonNode withdrawn = body(withdraw(assignments.get(0), people.get(0), "My shift was moved")
                    .expectStatus()
                    .isOk());
            assertThat(withdrawn.path("status").asString()).isEqualTo("WITHDRAWN");

            assertThat(statusOf(assignments.get(6), people.get(6))).isEqualTo("OFFERED");
            assertThat(statusOf(assignments.get(7), people.get(7))).isEqualTo("WAITLISTED");
            JsonNode line = staffing(visit.visitId()).get(0);
            assertThat(line.path("confirmed").asInt()).isEqualTo(5);
            assertThat(line.path("offered").asInt()).isEqualTo(1);
            assertThat(line.path("waitlisted").asInt()).isEqualTo(1);

            var record = topic.await(
                    r -> assignments.get(0).equals(r.key())
                            && EventCatalog.ASSIGNMENT_WITHDRAWN
                                    .name()
                                    .equals(TopicProbe.header(r, CloudEventHeaders.TYPE)),
                    Duration.ofSeconds(20));
            AssignmentWithdrawn withdrawal = EventJson.read(record.value(), AssignmentWithdrawn.class);
            assertThat(withdrawal.reason()).isEqualTo("My shift was moved");
            topic.await(
                    r -> assignments.get(6).equals(r.key())
                            && EventCatalog.ASSIGNMENT_PROMOTED
                                    .name()
                                    .equals(TopicProbe.header(r, CloudEventHeaders.TYPE))
                            && !EventJson.read(r.value(), AssignmentPromoted.class)
                                    .promotedAt()
                                    .isBefore(withdrawal.withdrawnAt()),
                    Duration.ofSeconds(20));
        }

        answer(assignments.get(6), "accept", people.get(6)).expectStatus().isOk();
        assertThat(statusOf(assignments.get(6), people.get(6))).isEqualTo("CONFIRMED");
        assertThat(staffing(visit.visitId()).get(0).path("confirmed").asInt()).isEqualTo(6);
    }

    @Test
    void onlyAPlaceOrAWaitingTurnCanBeWithdrawnAndOnlyByItsVolunteer() {
        VisitSnapshot visit = scheduledVisit();
        String owner = "singer-" + UUID.randomUUID();
        String other = "singer-" + UUID.randomUUID();
        registerVolunteer(other, "SINGING");
        String offered = offerToNewVolunteer(visit.programme().get(1).itemId(), "singer", owner, "SINGING");

        withdraw(offered, owner, "Changed my mind")
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        answer(offered, "accept", owner).expectStatus().isOk();
        withdraw(offered, other, "Not mine").expectStatus().isNotFound();
        withdraw(offered, owner, " ").expectStatus().isBadRequest();
        assertThat(statusOf(offered, owner)).isEqualTo("CONFIRMED");
    }

    private String acceptedOffer(UUID item, String subject) {
        String id = offerToNewVolunteer(item, "reciter", subject, "RECITATION");
        answer(id, "accept", subject).expectStatus().isOk();
        return id;
    }

    private WebTestClient.ResponseSpec withdraw(String assignmentId, String subject, String reason) {
        return http.post()
                .uri("/api/assignments/{id}/withdraw", assignmentId)
                .headers(h -> h.setBearerAuth(volunteerToken(subject)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", reason))
                .exchange();
    }
}
