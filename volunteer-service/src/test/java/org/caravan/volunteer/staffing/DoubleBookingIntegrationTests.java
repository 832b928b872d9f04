package org.caravan.volunteer.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.caravan.contracts.visit.SiteSnapshot;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.volunteer.VolunteerServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class DoubleBookingIntegrationTests extends VolunteerServiceIntegrationTest {

    /** The race is a few milliseconds wide: several rounds, each with its own volunteer, to meet it. */
    private static final int ROUNDS_OF_SIMULTANEOUS_ACCEPTS = 8;

    private static final LocalDateTime NINE_THIRTY = LocalDateTime.of(2026, 10, 17, 9, 30);

    /** Dandelion School in Daxing and the Temple of Heaven: about 12.5 km apart, an hour with parking. */
    private static final SiteSnapshot DANDELION_SCHOOL = site("蒲公英中学 Dandelion School", 39.787, 116.33);

    private static final SiteSnapshot TEMPLE_OF_HEAVEN = site("天坛公园 Temple of Heaven park", 39.882, 116.406);

    @Test
    void aVolunteerCannotBeOfferedAnItemTooCloseToAnotherPlaceCountingTravelBetweenSites() {
        String subject = "medic-" + UUID.randomUUID();
        String volunteer = confirmedAt(DANDELION_SCHOOL, NINE_THIRTY, subject);
        VisitSnapshot later = scheduledVisitAt(TEMPLE_OF_HEAVEN, NINE_THIRTY.plusMinutes(100), 60, "medic", 2);

        JsonNode problem = body(offer(onlyItem(later), "medic", volunteer)
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(problem.path("title").asString()).isEqualTo("Double booking");
        assertThat(problem.path("detail").asString())
                .contains("medic at 蒲公英中学 Dandelion School", "2026-10-17 09:30–10:30", "60 minutes of travel");
        assertThat(problem.path("conflict").path("travelMinutes").asInt()).isEqualTo(60);
        assertThat(assignmentsOf(subject)).hasSize(1);
    }

    @Test
    void anItemFarEnoughAfterTheTravelTimeCanBeTaken() {
        String subject = "medic-" + UUID.randomUUID();
        String volunteer = confirmedAt(DANDELION_SCHOOL, NINE_THIRTY, subject);
        VisitSnapshot later = scheduledVisitAt(TEMPLE_OF_HEAVEN, NINE_THIRTY.plusMinutes(125), 60, "medic", 2);

        String offered = body(offer(onlyItem(later), "medic", volunteer)
                        .expectStatus()
                        .isCreated())
                .path("id")
                .asString();

        assertThat(body(answer(offered, "accept", subject).expectStatus().isOk())
                        .path("status")
                        .asString())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void betweenSitesWithoutCoordinatesFortyFiveMinutesAreAllowed() {
        String subject = "medic-" + UUID.randomUUID();
        String volunteer = confirmedAt(site("Unknown yard", null, null), NINE_THIRTY, subject);
        SiteSnapshot elsewhere = site("Another unknown yard", null, null);
        VisitSnapshot tooSoon = scheduledVisitAt(elsewhere, NINE_THIRTY.plusMinutes(100), 30, "medic", 1);
        VisitSnapshot inTime = scheduledVisitAt(elsewhere, NINE_THIRTY.plusMinutes(106), 30, "medic", 1);

        assertThat(body(offer(onlyItem(tooSoon), "medic", volunteer)
                                .expectStatus()
                                .isEqualTo(409))
                        .path("conflict")
                        .path("travelMinutes")
                        .asInt())
                .isEqualTo(45);
        offer(onlyItem(inTime), "medic", volunteer).expectStatus().isCreated();
    }

    @Test
    void aCoordinatorMayOverrideADoubleBookingWithAReasonThatIsRecorded() {
        String subject = "medic-" + UUID.randomUUID();
        String volunteer = confirmedAt(DANDELION_SCHOOL, NINE_THIRTY, subject);
        VisitSnapshot later = scheduledVisitAt(TEMPLE_OF_HEAVEN, NINE_THIRTY.plusMinutes(90), 60, "medic", 2);

        JsonNode offered = body(post(
                        coordinator(),
                        "/api/programme-items/{id}/assignments",
                        Map.of(
                                "role", "medic",
                                "volunteerId", volunteer,
                                "overrideReason", "Driven by the union's car; 20 minutes"),
                        onlyItem(later))
                .expectStatus()
                .isCreated());

        assertThat(offered.path("conflictOverrideReason").asString())
                .isEqualTo("Driven by the union's car; 20 minutes");
        assertThat(body(answer(offered.path("id").asString(), "accept", subject)
                                .expectStatus()
                                .isOk())
                        .path("status")
                        .asString())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void ofTwoOpenOffersThatClashOnlyTheFirstAcceptedIsConfirmed() {
        String subject = "medic-" + UUID.randomUUID();
        String volunteer = registerVolunteer(subject, "MEDIC");
        VisitSnapshot morning = scheduledVisitAt(DANDELION_SCHOOL, NINE_THIRTY, 60, "medic", 2);
        VisitSnapshot sameHour = scheduledVisitAt(TEMPLE_OF_HEAVEN, NINE_THIRTY.plusMinutes(30), 60, "medic", 2);
        String first = body(offer(onlyItem(morning), "medic", volunteer)
                        .expectStatus()
                        .isCreated())
                .path("id")
                .asString();
        String second = body(offer(onlyItem(sameHour), "medic", volunteer)
                        .expectStatus()
                        .isCreated())
                .path("id")
                .asString();

        answer(first, "accept", subject).expectStatus().isOk();
        JsonNode refused = body(answer(second, "accept", subject).expectStatus().isEqualTo(409));

        assertThat(refused.path("title").asString()).isEqualTo("Double booking");
        assertThat(statusOf(second, subject)).isEqualTo("OFFERED");
    }

    @Test
    void ofTwoClashingOffersAcceptedAtTheSameInstantOneIsConfirmedAndTheOtherRefused() throws Exception {
        for (int round = 0; round < ROUNDS_OF_SIMULTANEOUS_ACCEPTS; round++) {
            String subject = "medic-" + UUID.randomUUID();
            String volunteer = registerVolunteer(subject, "MEDIC");
            LocalDateTime day = NINE_THIRTY.plusDays(round + 1);
            VisitSnapshot morning = scheduledVisitAt(DANDELION_SCHOOL, day, 60, "medic", 2);
            VisitSnapshot sameHour = scheduledVisitAt(TEMPLE_OF_HEAVEN, day.plusMinutes(30), 60, "medic", 2);
            List<String> offers = List.of(
                    body(offer(onlyItem(morning), "medic", volunteer)
                                    .expectStatus()
                                    .isCreated())
                            .path("id")
                            .asString(),
                    body(offer(onlyItem(sameHour), "medic", volunteer)
                                    .expectStatus()
                                    .isCreated())
                            .path("id")
                            .asString());

            CyclicBarrier together = new CyclicBarrier(offers.size());
            ExecutorService volunteersPhones = Executors.newFixedThreadPool(offers.size());
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (String offer : offers) {
                    answers.add(volunteersPhones.submit(() -> {
                        together.await();
                        return answer(offer, "accept", subject)
                                .returnResult(String.class)
                                .getStatus()
                                .value();
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get(30, TimeUnit.SECONDS));
                }
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 409);
            } finally {
                volunteersPhones.shutdownNow();
            }
            assertThat(offers.stream().map(offer -> statusOf(offer, subject)))
                    .as("round " + round)
                    .containsExactlyInAnyOrder("CONFIRMED", "OFFERED");
        }
    }

    @Test
    void backToBackItemsAtTheSameSiteDoNotClash() {
        String subject = "medic-" + UUID.randomUUID();
        String volunteer = confirmedAt(DANDELION_SCHOOL, NINE_THIRTY, subject);
        VisitSnapshot next = scheduledVisitAt(DANDELION_SCHOOL, NINE_THIRTY.plusMinutes(60), 60, "medic", 1);

        offer(onlyItem(next), "medic", volunteer).expectStatus().isCreated();
    }

    /** A new volunteer confirmed for an hour as a medic at the site; returns their volunteer id. */
    private String confirmedAt(SiteSnapshot site, LocalDateTime startsAt, String subject) {
        String volunteer = registerVolunteer(subject, "MEDIC");
        VisitSnapshot visit = scheduledVisitAt(site, startsAt, 60, "medic", 2);
        String offered = body(offer(onlyItem(visit), "medic", volunteer)
                        .expectStatus()
                        .isCreated())
                .path("id")
                .asString();
        answer(offered, "accept", subject).expectStatus().isOk();
        return volunteer;
    }
}
