package org.caravan.donation.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.donation.DonationServiceIntegrationTest;
import org.caravan.platform.scheduling.Sweeps;
import org.caravan.platform.testing.AcrossTheWeek;
import org.caravan.platform.testing.Moments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/** The sweeper runs every half second in these tests; the programme's dates are moved back to let weeks pass. */
@AcrossTheWeek
class DonationProgrammeIntegrationTests extends DonationServiceIntegrationTest {

    @Parameter
    Moments moment;

    @BeforeEach
    void atTheMoment() {
        CLOCK.setTo(moment.instant());
    }

    @Autowired
    DatabaseClient database;

    @Test
    void aReadingProgrammePledgesBooksOnScheduleUntilItEnds() {
        VisitSnapshot visit = scheduledVisit();
        String donor = donor(uniqueName("华章同人 Huazhang reading team"), "liaison-huazhang");
        LocalDate today = LocalDate.now(CLOCK.withZone(ZoneId.of("Asia/Shanghai")));

        JsonNode programme = body(post(
                        coordinator(),
                        "/api/donation-programmes",
                        Map.of(
                                "donorId", donor,
                                "siteId", visit.site().siteId(),
                                "items",
                                        List.of(Map.of(
                                                "kind",
                                                "BOOKS",
                                                "description",
                                                "Books of the month",
                                                "quantity",
                                                60,
                                                "unit",
                                                "books")),
                                "intervalWeeks", 4,
                                "startsOn", today.toString(),
                                "endsOn", today.plusWeeks(5).toString(),
                                "note", "Reading programme"))
                .expectStatus()
                .isCreated());
        String id = programme.path("id").asString();

        await().atMost(Duration.ofSeconds(20)).until(() -> pledgesOf(donor).size() == 1);
        assertThat(nextPledgeOn(id)).isEqualTo(today.plusWeeks(4));
        JsonNode first = pledgesOf(donor).get(0);
        assertThat(first.path("siteId").asString())
                .isEqualTo(visit.site().siteId().toString());
        assertThat(first.path("lines").get(0).path("quantity").asLong()).isEqualTo(60);

        letFourWeeksPass(id);
        await().atMost(Duration.ofSeconds(20)).until(() -> pledgesOf(donor).size() == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> nextPledgeOn(id) == null);
    }

    @Test
    void aProgrammeEnteredAYearAfterItsStartPledgesOnceOnItsNextDateAndMakesUpForNoMissedOne() {
        VisitSnapshot visit = scheduledVisit();
        String donor = donor(uniqueName("Huazhang"), "liaison-huazhang");
        LocalDate today = LocalDate.now(CLOCK.withZone(ZoneId.of("Asia/Shanghai")));

        JsonNode programme = body(post(
                        coordinator(),
                        "/api/donation-programmes",
                        Map.of(
                                "donorId",
                                donor,
                                "siteId",
                                visit.site().siteId(),
                                "items",
                                List.of(Map.of(
                                        "kind", "BOOKS", "description", "Books", "quantity", 1, "unit", "books")),
                                "intervalWeeks",
                                1,
                                "startsOn",
                                today.minusWeeks(52).toString()))
                .expectStatus()
                .isCreated());

        String id = programme.path("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> pledgesOf(donor).size() == 1);
        // No second pledge to make up for a missed date: a sweep that ran wholly after the first made none.
        long passes = Sweeps.finishedPasses("Donation programmes");
        await().atMost(Duration.ofSeconds(10)).until(() -> Sweeps.finishedPasses("Donation programmes") >= passes + 2);
        assertThat(pledgesOf(donor)).hasSize(1);
        assertThat(nextPledgeOn(id)).isEqualTo(today.plusWeeks(1));
    }

    @Test
    void aProgrammeWhoseLastDateHasPassedIsRefused() {
        VisitSnapshot visit = scheduledVisit();
        String donor = donor(uniqueName("Huazhang"), "liaison-huazhang");
        LocalDate today = LocalDate.now(CLOCK.withZone(ZoneId.of("Asia/Shanghai")));

        JsonNode problem = body(post(
                        coordinator(),
                        "/api/donation-programmes",
                        Map.of(
                                "donorId",
                                donor,
                                "siteId",
                                visit.site().siteId(),
                                "items",
                                List.of(Map.of(
                                        "kind", "BOOKS", "description", "Books", "quantity", 1, "unit", "books")),
                                "intervalWeeks",
                                1,
                                "startsOn",
                                today.minusWeeks(10).toString(),
                                "endsOn",
                                today.minusWeeks(2).toString()))
                .expectStatus()
                .isBadRequest());

        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("endsOn");
        assertThat(pledgesOf(donor)).isEmpty();
    }

    @Test
    void aProgrammeForAnUnknownSiteIsRefused() {
        String donor = donor(uniqueName("Huazhang"), "liaison-huazhang");

        JsonNode problem = body(post(
                        coordinator(),
                        "/api/donation-programmes",
                        Map.of(
                                "donorId",
                                donor,
                                "siteId",
                                UUID.randomUUID(),
                                "items",
                                List.of(Map.of(
                                        "kind", "BOOKS", "description", "Books", "quantity", 1, "unit", "books")),
                                "intervalWeeks",
                                4,
                                "startsOn",
                                "2026-12-01"))
                .expectStatus()
                .isBadRequest());

        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("siteId");
    }

    private List<JsonNode> pledgesOf(String donor) {
        return body(get(coordinator(), "/api/pledges?donorId={id}", donor))
                .valueStream()
                .toList();
    }

    /** Moves the programme's dates four weeks back, as if four weeks had passed. */
    private void letFourWeeksPass(String programme) {
        database.sql("update donation_programme set starts_on = starts_on - 28, ends_on = ends_on - 28,"
                        + " next_pledge_on = next_pledge_on - 28 where id = :id")
                .bind("id", UUID.fromString(programme))
                .then()
                .block(Duration.ofSeconds(10));
    }

    private LocalDate nextPledgeOn(String programme) {
        return database.sql("select next_pledge_on from donation_programme where id = :id")
                .bind("id", UUID.fromString(programme))
                .map(row -> java.util.Optional.ofNullable(row.get("next_pledge_on", LocalDate.class)))
                .one()
                .block(Duration.ofSeconds(10))
                .orElse(null);
    }
}
