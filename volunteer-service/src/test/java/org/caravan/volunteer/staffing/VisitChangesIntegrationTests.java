package org.caravan.volunteer.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.Topic;
import org.caravan.contracts.staffing.AssignmentCancelled;
import org.caravan.contracts.staffing.AssignmentReleased;
import org.caravan.contracts.visit.ProgrammeChange;
import org.caravan.contracts.visit.ProgrammeChanged;
import org.caravan.contracts.visit.VisitCancelled;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.platform.EventJson;
import org.caravan.platform.messaging.CloudEventHeaders;
import org.caravan.platform.testing.TopicProbe;
import org.caravan.platform.testing.VisitBuilder;
import org.caravan.volunteer.VolunteerServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Real visit events on the broker: a cancellation ends every live assignment, a removed item releases its people. */
class VisitChangesIntegrationTests extends VolunteerServiceIntegrationTest {

    @Test
    void cancellingAVisitEndsItsAssignmentsAndTellsEachVolunteerWhy() {
        VisitSnapshot visit = scheduledVisit();
        UUID recitation = visit.programme().get(0).itemId();
        List<String> people = subjects("reciter", 3);
        List<String> assignments = people.stream()
                .map(subject -> offerToNewVolunteer(recitation, "reciter", subject, "RECITATION"))
                .toList();
        accept(assignments.get(0), people.get(0));
        accept(assignments.get(1), people.get(1));

        try (TopicProbe topic = TopicProbe.watch(Topic.ASSIGNMENTS.name())) {
            VisitSnapshot cancelled =
                    VisitBuilder.from(visit).status("CANCELLED").version(4).build();
            publish(
                    EventCatalog.VISIT_CANCELLED,
                    new VisitCancelled(cancelled, "School closed for an inspection", "coordinator-li", now()));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (int i = 0; i < 3; i++) {
                    assertThat(statusOf(assignments.get(i), people.get(i))).isEqualTo("CANCELLED_BY_VISIT");
                }
            });
            for (String assignment : assignments) {
                var record = topic.await(
                        r -> assignment.equals(r.key())
                                && EventCatalog.ASSIGNMENT_CANCELLED
                                        .name()
                                        .equals(TopicProbe.header(r, CloudEventHeaders.TYPE)),
                        Duration.ofSeconds(20));
                assertThat(EventJson.read(record.value(), AssignmentCancelled.class)
                                .reason())
                        .isEqualTo("Visit cancelled: School closed for an inspection");
            }
        }
        JsonNode line = staffing(visit.visitId()).get(0);
        assertThat(line.path("confirmed").asInt()).isZero();
        assertThat(line.path("offered").asInt()).isZero();
    }

    @Test
    void removingAnItemFromTheProgrammeReleasesItsPeopleAndKeepsTheirHistory() {
        VisitSnapshot visit = scheduledVisit();
        UUID chorus = visit.programme().get(1).itemId();
        String singer = "singer-" + UUID.randomUUID();
        String assignment = offerToNewVolunteer(chorus, "singer", singer, "SINGING");
        accept(assignment, singer);

        try (TopicProbe topic = TopicProbe.watch(Topic.ASSIGNMENTS.name())) {
            publish(
                    EventCatalog.PROGRAMME_CHANGED,
                    new ProgrammeChanged(
                            withProgramme(visit, visit.programme().subList(0, 1), 4),
                            chorus,
                            ProgrammeChange.REMOVED,
                            "coordinator-li",
                            now()));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(statusOf(assignment, singer))
                    .isEqualTo("RELEASED"));
            var record = topic.await(
                    r -> assignment.equals(r.key())
                            && EventCatalog.ASSIGNMENT_RELEASED
                                    .name()
                                    .equals(TopicProbe.header(r, CloudEventHeaders.TYPE)),
                    Duration.ofSeconds(20));
            assertThat(EventJson.read(record.value(), AssignmentReleased.class).reason())
                    .isEqualTo("Removed from the visit's programme");
        }
        assertThat(staffing(visit.visitId()))
                .extracting(line -> line.path("itemId").asString())
                .containsOnly(visit.programme().get(0).itemId().toString());
    }

    private void accept(String assignmentId, String subject) {
        answer(assignmentId, "accept", subject).expectStatus().isOk();
    }
}
