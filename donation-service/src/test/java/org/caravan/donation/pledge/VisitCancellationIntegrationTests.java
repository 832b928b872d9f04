package org.caravan.donation.pledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.Topic;
import org.caravan.contracts.donation.DonationHeld;
import org.caravan.contracts.donation.DonationMoved;
import org.caravan.contracts.visit.VisitCancelled;
import org.caravan.contracts.visit.VisitRescheduled;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.donation.DonationServiceIntegrationTest;
import org.caravan.platform.testing.TopicProbe;
import org.caravan.platform.testing.VisitBuilder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class VisitCancellationIntegrationTests extends DonationServiceIntegrationTest {

    @Test
    void aCancelledVisitPutsItsUndeliveredPledgesOnHoldAndTellsTheLiaison() {
        VisitSnapshot visit = scheduledVisit();
        String donor = donor(uniqueName("Beijing Women and Children Development Foundation"), "liaison-foundation");
        String waiting = booksAndStationery(donor, visit.visitId(), coordinator())
                .path("pledgeId")
                .asString();
        post(coordinator(), "/api/pledges/{id}/receive", Map.of("quantities", quantities(1, 500)), waiting)
                .expectStatus()
                .isOk();
        String cancelledBefore = booksAndStationery(donor, visit.visitId(), coordinator())
                .path("pledgeId")
                .asString();
        post(coordinator(), "/api/pledges/{id}/cancel", Map.of("reason", "Changed plans"), cancelledBefore)
                .expectStatus()
                .isOk();

        try (TopicProbe topic = TopicProbe.watch(Topic.DONATIONS.name())) {
            publish(
                    EventCatalog.VISIT_CANCELLED,
                    new VisitCancelled(cancelled(visit), "Typhoon warning", "coordinator-li", now()),
                    "event-service");

            DonationHeld held = awaitEvent(topic, waiting, EventCatalog.DONATION_HELD);
            assertThat(held.reason()).isEqualTo("Visit cancelled: Typhoon warning");
            assertThat(held.pledge().liaisonSubject()).isEqualTo("liaison-foundation");
        }
        assertThat(status(waiting)).isEqualTo("ON_HOLD");
        assertThat(status(cancelledBefore)).isEqualTo("CANCELLED");
        assertThat(body(get(coordinator(), "/api/pledges/{id}", waiting)
                                .expectStatus()
                                .isOk())
                        .path("pledge")
                        .path("lines")
                        .get(0)
                        .path("received")
                        .asLong())
                .isEqualTo(500);
        post(coordinator(), "/api/pledges/{id}/dispatch", Map.of("quantities", quantities(1, 1)), waiting)
                .expectStatus()
                .isEqualTo(409);
    }

    @Test
    void aHeldPledgeMovesToAnotherVisitAndCarriesOn() {
        VisitSnapshot first = scheduledVisit();
        VisitSnapshot next = scheduledVisit();
        String donor = donor(uniqueName("Huazhang"), "liaison-huazhang");
        String pledge = booksAndStationery(donor, first.visitId(), coordinator())
                .path("pledgeId")
                .asString();
        post(coordinator(), "/api/pledges/{id}/receive", Map.of("quantities", quantities(1, 200)), pledge)
                .expectStatus()
                .isOk();
        publish(
                EventCatalog.VISIT_CANCELLED,
                new VisitCancelled(cancelled(first), "School closed", "coordinator-li", now()),
                "event-service");
        await().atMost(Duration.ofSeconds(30)).until(() -> "ON_HOLD".equals(status(pledge)));

        try (TopicProbe topic = TopicProbe.watch(Topic.DONATIONS.name())) {
            JsonNode moved =
                    body(post(coordinator(), "/api/pledges/{id}/move", Map.of("visitId", next.visitId()), pledge)
                            .expectStatus()
                            .isOk());
            assertThat(moved.path("status").asString()).isEqualTo("RECEIVED");
            assertThat(moved.path("visitId").asString())
                    .isEqualTo(next.visitId().toString());
            DonationMoved event = awaitEvent(topic, pledge, EventCatalog.DONATION_MOVED);
            assertThat(event.fromVisitId()).isEqualTo(first.visitId());
        }
        post(coordinator(), "/api/pledges/{id}/move", Map.of("visitId", first.visitId()), pledge)
                .expectStatus()
                .isEqualTo(409);
        post(coordinator(), "/api/pledges/{id}/dispatch", Map.of("quantities", quantities(1, 200)), pledge)
                .expectStatus()
                .isOk();
    }

    @Test
    void aRescheduledVisitKeepsItsPledges() {
        VisitSnapshot visit = scheduledVisit();
        String donor = donor(uniqueName("Huazhang"), "liaison-huazhang");
        String pledge = booksAndStationery(donor, visit.visitId(), coordinator())
                .path("pledgeId")
                .asString();

        publish(
                EventCatalog.VISIT_RESCHEDULED,
                new VisitRescheduled(moved(visit), visit.startsAt(), visit.endsAt(), "Exams", "coordinator-li", now()),
                "event-service");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(body(get(coordinator(), "/api/visits/{id}/donations", visit.visitId()))
                                .path("pledges")
                                .get(0)
                                .path("pledgeId")
                                .asString())
                        .isEqualTo(pledge));
        assertThat(status(pledge)).isEqualTo("PLEDGED");
    }

    private String status(String pledge) {
        return body(get(coordinator(), "/api/pledges/{id}", pledge))
                .path("pledge")
                .path("status")
                .asString();
    }

    private static VisitSnapshot cancelled(VisitSnapshot visit) {
        return VisitBuilder.from(visit).status("CANCELLED").nextVersion().build();
    }

    private static VisitSnapshot moved(VisitSnapshot visit) {
        return VisitBuilder.from(visit)
                .between(visit.startsAt().plusWeeks(1), visit.endsAt().plusWeeks(1))
                .status("SCHEDULED")
                .nextVersion()
                .build();
    }
}
