package org.caravan.volunteer.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.Topic;
import org.caravan.contracts.staffing.AssignmentOfferExpired;
import org.caravan.contracts.staffing.AssignmentPromoted;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.platform.testing.AcrossTheWeek;
import org.caravan.platform.testing.Moments;
import org.caravan.platform.testing.TopicProbe;
import org.caravan.volunteer.VolunteerServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** The sweeper runs every half second in these tests; an offer's deadline is moved into the past to let time pass. */
@AcrossTheWeek
class OfferExpiryIntegrationTests extends VolunteerServiceIntegrationTest {

    @Parameter
    Moments moment;

    @BeforeEach
    void atTheMoment() {
        CLOCK.setTo(moment.instant());
    }

    @Autowired
    DatabaseClient database;

    @Test
    void anUnansweredOfferExpiresIsPublishedAndCanNoLongerBeAccepted() {
        VisitSnapshot visit = scheduledVisit();
        String subject = "reciter-" + UUID.randomUUID();
        String offer = offerToNewVolunteer(visit.programme().get(0).itemId(), "reciter", subject, "RECITATION");

        try (TopicProbe topic = TopicProbe.watch(Topic.ASSIGNMENTS.name())) {
            letTheDeadlinePass(offer);

            AssignmentOfferExpired expired = awaitEvent(topic, offer, EventCatalog.ASSIGNMENT_OFFER_EXPIRED);
            assertThat(expired.assignment().status()).isEqualTo("EXPIRED");
        }
        assertThat(statusOf(offer, subject)).isEqualTo("EXPIRED");
        assertThat(body(answer(offer, "accept", subject).expectStatus().isEqualTo(409))
                        .path("title")
                        .asString())
                .isEqualTo("Assignment is EXPIRED");
    }

    @Test
    void whenAPromotedOfferExpiresTheNextPersonWaitingIsOfferedThePlace() {
        VisitSnapshot visit = scheduledVisitAt(
                site("西红门 Xihongmen community centre", 39.79, 116.33),
                LocalDateTime.of(2026, 10, 3, 9, 0),
                120,
                "barber",
                1);
        UUID haircuts = onlyItem(visit);
        List<String> people = subjects("barber", 3);
        List<String> offers = people.stream()
                .map(subject -> offerToNewVolunteer(haircuts, "barber", subject, "BARBER"))
                .toList();
        for (int i = 0; i < 3; i++) {
            answer(offers.get(i), "accept", people.get(i)).expectStatus().isOk();
        }
        post(
                        volunteerToken(people.get(0)),
                        "/api/assignments/{id}/withdraw",
                        Map.of("reason", "Fell ill"),
                        offers.get(0))
                .expectStatus()
                .isOk();
        assertThat(statusOf(offers.get(1), people.get(1))).isEqualTo("OFFERED");

        try (TopicProbe topic = TopicProbe.watch(Topic.ASSIGNMENTS.name())) {
            letTheDeadlinePass(offers.get(1));

            AssignmentPromoted promoted = awaitEvent(topic, offers.get(2), EventCatalog.ASSIGNMENT_PROMOTED);
            assertThat(promoted.assignment().offerExpiresAt()).isAfter(promoted.promotedAt());
        }
        assertThat(statusOf(offers.get(1), people.get(1))).isEqualTo("EXPIRED");
        assertThat(statusOf(offers.get(2), people.get(2))).isEqualTo("OFFERED");
        answer(offers.get(2), "accept", people.get(2)).expectStatus().isOk();
        assertThat(staffing(visit.visitId()).get(0).path("confirmed").asInt()).isEqualTo(1);
    }

    private void letTheDeadlinePass(String assignmentId) {
        Long moved = database.sql("update assignment set offer_expires_at = :at where id = :id")
                .bind("at", now().minus(Duration.ofMinutes(1)))
                .bind("id", UUID.fromString(assignmentId))
                .fetch()
                .rowsUpdated()
                .block(Duration.ofSeconds(10));
        assertThat(moved).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> !"OFFERED".equals(status(assignmentId)));
    }

    private String status(String assignmentId) {
        return database.sql("select status from assignment where id = :id")
                .bind("id", UUID.fromString(assignmentId))
                .map(row -> row.get("status", String.class))
                .one()
                .block(Duration.ofSeconds(10));
    }
}
