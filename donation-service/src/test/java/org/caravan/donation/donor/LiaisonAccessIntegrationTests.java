package org.caravan.donation.donor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.donation.DonationServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LiaisonAccessIntegrationTests extends DonationServiceIntegrationTest {

    @Test
    void aLiaisonSeesAndActsOnlyForTheirOwnDonor() {
        VisitSnapshot visit = scheduledVisit();
        String mine = "liaison-" + UUID.randomUUID();
        String theirs = "liaison-" + UUID.randomUUID();
        String myDonor = donor(uniqueName("Mine"), mine);
        String theirDonor = donor(uniqueName("Theirs"), theirs);
        String theirPledge = booksAndStationery(theirDonor, visit.visitId(), coordinator())
                .path("pledgeId")
                .asString();
        String myPledge = booksAndStationery(myDonor, visit.visitId(), liaison(mine))
                .path("pledgeId")
                .asString();

        get(liaison(mine), "/api/pledges/{id}", theirPledge).expectStatus().isNotFound();
        get(liaison(mine), "/api/donors/{id}", theirDonor).expectStatus().isNotFound();
        get(
                        liaison(mine),
                        "/api/donors/{id}/statement?year={year}",
                        theirDonor,
                        java.time.Year.now(CLOCK.withZone(java.time.ZoneId.of("Asia/Shanghai")))
                                .getValue())
                .expectStatus()
                .isNotFound();
        post(liaison(mine), "/api/pledges/{id}/cancel", Map.of("reason", "Not mine to cancel"), theirPledge)
                .expectStatus()
                .isNotFound();
        cannotPledgeFor(theirDonor, visit, liaison(mine));

        assertThat(body(get(liaison(mine), "/api/donors").expectStatus().isOk())
                        .valueStream()
                        .map(d -> d.path("id").asString()))
                .containsExactly(myDonor);
        JsonNode manifest = body(get(liaison(mine), "/api/visits/{id}/donations", visit.visitId())
                .expectStatus()
                .isOk());
        assertThat(manifest.path("pledges").valueStream().map(p -> p.path("pledgeId")
                        .asString()))
                .containsExactly(myPledge);
        get(liaison(mine), "/api/pledges/{id}", myPledge).expectStatus().isOk();
    }

    @Test
    void aLiaisonWhoRegistersADonorBecomesItsLiaisonAndVolunteersCannotSeeDonations() {
        String subject = "liaison-" + UUID.randomUUID();
        JsonNode donor = body(post(
                        liaison(subject),
                        "/api/donors",
                        Map.of("name", uniqueName("Own"), "kind", "TEAM", "liaisonSubject", "someone-else"))
                .expectStatus()
                .isCreated());

        assertThat(donor.path("liaisonSubject").asString()).isEqualTo(subject);
        get(token("volunteer-wang", "volunteer"), "/api/donors").expectStatus().isForbidden();
    }

    @Test
    void registeringADonorTellsALiaisonNothingAboutAnotherLiaisonsDonors() {
        String name = uniqueName("Beijing Women and Children Development Foundation");
        String first = "liaison-" + UUID.randomUUID();
        String second = "liaison-" + UUID.randomUUID();
        Map<String, String> foundation = Map.of("name", name, "kind", "ORGANISATION");

        post(liaison(first), "/api/donors", foundation).expectStatus().isCreated();
        post(liaison(second), "/api/donors", foundation).expectStatus().isCreated();
        post(liaison(second), "/api/donors", foundation).expectStatus().isEqualTo(409);

        assertThat(body(get(liaison(second), "/api/donors").expectStatus().isOk())
                        .valueStream()
                        .filter(d -> d.path("name").asString().equals(name)))
                .singleElement()
                .satisfies(d -> assertThat(d.path("liaisonSubject").asString()).isEqualTo(second));
    }

    @Test
    void aLiaisonSeesTheThanksGivenToTheirOwnDonorsOnly() {
        VisitSnapshot visit = scheduledVisit();
        String mine = "liaison-" + UUID.randomUUID();
        String myDonor = donor(uniqueName("Mine"), mine);
        String theirDonor = donor(uniqueName("Theirs"), "liaison-" + UUID.randomUUID());
        booksAndStationery(myDonor, visit.visitId(), liaison(mine));
        thank(theirDonor, visit, "A painting for the care packages");
        thank(myDonor, visit, "A painting for the books");

        JsonNode manifest = body(get(liaison(mine), "/api/visits/{id}/donations", visit.visitId())
                .expectStatus()
                .isOk());
        assertThat(manifest.path("acknowledgements").valueStream().map(a -> a.path("description")
                        .asString()))
                .containsExactly("A painting for the books");
        assertThat(body(get(coordinator(), "/api/visits/{id}/donations", visit.visitId())
                                .expectStatus()
                                .isOk())
                        .path("acknowledgements"))
                .hasSize(2);
    }

    private void thank(String donor, VisitSnapshot visit, String description) {
        post(
                        coordinator(),
                        "/api/acknowledgements",
                        Map.of("donorId", donor, "visitId", visit.visitId(), "description", description))
                .expectStatus()
                .isCreated();
    }

    private void cannotPledgeFor(String donor, VisitSnapshot visit, String token) {
        post(token, "/api/pledges", oneBook(donor, visit.visitId()))
                .expectStatus()
                .isNotFound();
    }
}
