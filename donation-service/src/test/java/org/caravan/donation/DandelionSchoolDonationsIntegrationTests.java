package org.caravan.donation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.infrastructure.DemoDonations;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The demo's gifts load through the public API; donors are found again when seeded for another visit. */
class DandelionSchoolDonationsIntegrationTests extends DonationServiceIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void theThreeDonorsPledgeForTheVisitAndTheReadingTeamStartsItsProgramme() {
        VisitSnapshot visit = scheduledVisit();
        VisitSnapshot another = scheduledVisit();
        DemoDonations gifts = new DemoDonations("http://127.0.0.1:" + port, coordinator());
        LocalDate day = visit.startsAt().toLocalDate();

        List<String> pledges =
                gifts.load(visit.visitId().toString(), visit.site().siteId().toString(), day);
        gifts.load(another.visitId().toString(), visit.site().siteId().toString(), day);

        assertThat(pledges).hasSize(3);
        JsonNode manifest = body(get(coordinator(), "/api/visits/{id}/donations", visit.visitId())
                .expectStatus()
                .isOk());
        assertThat(manifest.path("pledges").valueStream().map(p -> p.path("donorName")
                        .asString()))
                .anyMatch(name -> name.contains("Huazhang"))
                .anyMatch(name -> name.contains("Construction Group"))
                .anyMatch(name -> name.contains("Women and Children"));
        assertThat(manifest.path("acknowledgements")).hasSize(3);
        List<JsonNode> donors = body(get(coordinator(), "/api/donors")
                        .expectStatus()
                        .isOk())
                .valueStream()
                .filter(d -> d.path("name").asString().contains("Huazhang public-welfare"))
                .toList();
        assertThat(donors).hasSize(1);
        assertThat(donors.get(0).path("liaisonSubject").asString()).isEqualTo("liaison-huazhang");
        assertThat(body(get(liaison("liaison-huazhang"), "/api/donation-programmes")
                                .expectStatus()
                                .isOk())
                        .valueStream()
                        .map(p -> p.path("startsOn").asString()))
                .contains(day.plusWeeks(4).toString());
    }
}
