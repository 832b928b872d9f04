package org.caravan.volunteer.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.Topic;
import org.caravan.contracts.staffing.AssignmentReconfirmationRequested;
import org.caravan.contracts.visit.SiteSnapshot;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.platform.messaging.CloudEventHeaders;
import org.caravan.platform.testing.TopicProbe;
import org.caravan.volunteer.VolunteerServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RescheduleIntegrationTests extends VolunteerServiceIntegrationTest {

    private static final LocalDateTime MORNING = LocalDateTime.of(2026, 10, 24, 9, 30);
    private static final LocalDateTime AFTERNOON = LocalDateTime.of(2026, 10, 24, 14, 0);
    private static final SiteSnapshot COMMUNITY_CENTRE = site("西红门 Xihongmen community centre", 39.79, 116.33);

    @Test
    void aRescheduledVisitMovesItsPlacesAndAsksThoseThatNowClashToReconfirm() {
        String busy = "medic-" + UUID.randomUUID();
        String free = "medic-" + UUID.randomUUID();
        String busyId = registerVolunteer(busy, "MEDIC");
        String freeId = registerVolunteer(free, "MEDIC");
        VisitSnapshot morning = scheduledVisitAt(COMMUNITY_CENTRE, MORNING, 60, "medic", 2);
        VisitSnapshot afternoon = scheduledVisitAt(COMMUNITY_CENTRE, AFTERNOON, 60, "medic", 2);
        String busyMorning = confirmed(onlyItem(morning), busy, busyId);
        String busyAfternoon = confirmed(onlyItem(afternoon), busy, busyId);
        String freeAfternoon = confirmed(onlyItem(afternoon), free, freeId);

        try (TopicProbe topic = TopicProbe.watch(Topic.ASSIGNMENTS.name())) {
            publish(
                    EventCatalog.VISIT_RESCHEDULED,
                    rescheduled(afternoon, MORNING.plusMinutes(30), "The school moved its sports day"));

            AssignmentReconfirmationRequested asked =
                    awaitEvent(topic, busyAfternoon, EventCatalog.ASSIGNMENT_RECONFIRMATION_REQUESTED);
            assertThat(asked.previousStartsAt())
                    .isEqualTo(AFTERNOON.atZone(ZoneId.of("Asia/Shanghai")).toInstant());
            assertThat(asked.assignment().itemStartsAt())
                    .isEqualTo(MORNING.plusMinutes(30)
                            .atZone(ZoneId.of("Asia/Shanghai"))
                            .toInstant());
            assertThat(asked.conflict()).contains("medic at 西红门 Xihongmen community centre", "09:30–10:30");
            assertThat(topic.collectFor(Duration.ofSeconds(2)))
                    .noneMatch(r -> freeAfternoon.equals(r.key())
                            && EventCatalog.ASSIGNMENT_RECONFIRMATION_REQUESTED
                                    .name()
                                    .equals(TopicProbe.header(r, CloudEventHeaders.TYPE)));
        }
        JsonNode mine = assignment(busyAfternoon, busy);
        assertThat(mine.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(mine.path("reconfirmationRequestedAt").isNull()).isFalse();

        assertThat(body(answer(busyAfternoon, "reconfirm", busy).expectStatus().isEqualTo(409))
                        .path("title")
                        .asString())
                .isEqualTo("Double booking");
        post(
                        volunteerToken(busy),
                        "/api/assignments/{id}/withdraw",
                        Map.of("reason", "Moved to the afternoon"),
                        busyMorning)
                .expectStatus()
                .isOk();
        JsonNode reconfirmed =
                body(answer(busyAfternoon, "reconfirm", busy).expectStatus().isOk());
        assertThat(reconfirmed.path("reconfirmationRequestedAt").isNull()).isTrue();
    }

    private String confirmed(UUID itemId, String subject, String volunteerId) {
        String offered = body(offer(itemId, "medic", volunteerId).expectStatus().isCreated())
                .path("id")
                .asString();
        answer(offered, "accept", subject).expectStatus().isOk();
        return offered;
    }

    private JsonNode assignment(String id, String subject) {
        return assignmentsOf(subject).stream()
                .filter(a -> a.path("id").asString().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
