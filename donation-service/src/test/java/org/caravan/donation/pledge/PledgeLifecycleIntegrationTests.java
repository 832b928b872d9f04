package org.caravan.donation.pledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.Topic;
import org.caravan.contracts.donation.DonationDelivered;
import org.caravan.contracts.donation.DonationPledged;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.donation.DonationServiceIntegrationTest;
import org.caravan.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class PledgeLifecycleIntegrationTests extends DonationServiceIntegrationTest {

    @Test
    void itemsGoFromPledgeToSignedReceiptInPartsAndEveryStepIsKept() {
        VisitSnapshot visit = scheduledVisit();
        String donor = donor(uniqueName("华章同人 Huazhang reading team"), "liaison-huazhang");

        try (TopicProbe topic = TopicProbe.watch(Topic.DONATIONS.name())) {
            JsonNode pledged = booksAndStationery(donor, visit.visitId(), coordinator());
            String pledge = pledged.path("pledgeId").asString();
            assertThat(pledged.path("status").asString()).isEqualTo("PLEDGED");
            DonationPledged event = awaitEvent(topic, pledge, EventCatalog.DONATION_PLEDGED);
            assertThat(event.pledge().liaisonSubject()).isEqualTo("liaison-huazhang");

            assertThat(step(pledge, "receive", Map.of("quantities", quantities(1, 300, 2, 20))))
                    .isEqualTo("RECEIVED");
            assertThat(step(pledge, "receive", Map.of("quantities", quantities(1, 200))))
                    .isEqualTo("RECEIVED");
            assertThat(step(pledge, "dispatch", Map.of("quantities", quantities(1, 500, 2, 20))))
                    .isEqualTo("DISPATCHED");
            assertThat(step(pledge, "deliver", handOver(quantities(1, 300)))).isEqualTo("PARTIALLY_DELIVERED");
            assertThat(step(pledge, "deliver", handOver(quantities(1, 200, 2, 20))))
                    .isEqualTo("DELIVERED");

            DonationDelivered delivered = awaitEvent(topic, pledge, EventCatalog.DONATION_DELIVERED);
            assertThat(delivered.receipt().receivedByName()).isEqualTo("School librarian");
        }
        JsonNode receipt = body(get(coordinator(), "/api/pledges/{id}/receipt", pledgedId(donor))
                .expectStatus()
                .isOk());
        assertThat(receipt.path("siteName").asString()).isEqualTo("蒲公英中学 Dandelion School");
        assertThat(receipt.path("deliveries")).hasSize(2);
        assertThat(receipt.path("deliveries")
                        .get(1)
                        .path("items")
                        .get(1)
                        .path("description")
                        .asString())
                .isEqualTo("Stationery sets");
        JsonNode view = body(get(coordinator(), "/api/pledges/{id}", pledgedId(donor))
                .expectStatus()
                .isOk());
        assertThat(view.path("history").valueStream().map(h -> h.path("action").asString()))
                .containsExactly("PLEDGED", "RECEIVED", "RECEIVED", "DISPATCHED", "DELIVERED", "DELIVERED");
        assertThat(view.path("history").get(0).path("actor").asString()).isEqualTo("coordinator-li");
    }

    @Test
    void quantitiesNeverGoPastTheStepBeforeAndARefusedStepChangesNothing() {
        VisitSnapshot visit = scheduledVisit();
        String donor = donor(uniqueName("Beijing No. 5 Construction Group"), "liaison-construction");
        String pledge = booksAndStationery(donor, visit.visitId(), coordinator())
                .path("pledgeId")
                .asString();
        step(pledge, "receive", Map.of("quantities", quantities(1, 100)));

        JsonNode tooMany = body(post(
                        coordinator(),
                        "/api/pledges/{id}/dispatch",
                        Map.of("quantities", quantities(1, 101, 2, 1)),
                        pledge)
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(tooMany.path("violations")).hasSize(2);
        assertThat(tooMany.path("detail").asString()).contains("line 1", "more than the 100 received");
        post(coordinator(), "/api/pledges/{id}/deliver", handOver(quantities(1, 1)), pledge)
                .expectStatus()
                .isEqualTo(409);
        post(coordinator(), "/api/pledges/{id}/receive", Map.of("quantities", quantities(1, 401)), pledge)
                .expectStatus()
                .isEqualTo(409);
        post(coordinator(), "/api/pledges/{id}/receive", Map.of("quantities", quantities(3, 1)), pledge)
                .expectStatus()
                .isEqualTo(409);
        post(coordinator(), "/api/pledges/{id}/receive", Map.of("quantities", quantities(1, -5)), pledge)
                .expectStatus()
                .isBadRequest();

        JsonNode unchanged = body(
                get(coordinator(), "/api/pledges/{id}", pledge).expectStatus().isOk());
        assertThat(unchanged
                        .path("pledge")
                        .path("lines")
                        .get(0)
                        .path("received")
                        .asLong())
                .isEqualTo(100);
        assertThat(unchanged
                        .path("pledge")
                        .path("lines")
                        .get(0)
                        .path("dispatched")
                        .asLong())
                .isZero();
        assertThat(unchanged.path("history")).hasSize(2);

        JsonNode over = body(post(
                        coordinator(),
                        "/api/pledges/{id}/receive",
                        Map.of(
                                "quantities",
                                quantities(1, 410),
                                "overDeliveryReason",
                                "The publisher added 10 atlases"),
                        pledge)
                .expectStatus()
                .isOk());
        assertThat(over.path("lines").get(0).path("received").asLong()).isEqualTo(510);
    }

    @Test
    void aCancelledPledgeKeepsItsReasonAndChangesNoMore() {
        VisitSnapshot visit = scheduledVisit();
        String donor = donor(uniqueName("Foundation"), "liaison-foundation");
        String pledge = booksAndStationery(donor, visit.visitId(), coordinator())
                .path("pledgeId")
                .asString();

        assertThat(body(post(coordinator(), "/api/pledges/{id}/cancel", Map.of("reason", "Shipment lost"), pledge)
                                .expectStatus()
                                .isOk())
                        .path("status")
                        .asString())
                .isEqualTo("CANCELLED");
        post(coordinator(), "/api/pledges/{id}/receive", Map.of("quantities", quantities(1, 1)), pledge)
                .expectStatus()
                .isEqualTo(409);
        post(coordinator(), "/api/pledges/{id}/cancel", Map.of("reason", "Again"), pledge)
                .expectStatus()
                .isEqualTo(409);
    }

    @Test
    void aPledgeNeedsAPublishedVisitOrAKnownSite() {
        String donor = donor(uniqueName("Foundation"), "liaison-foundation");

        JsonNode unknown = body(post(coordinator(), "/api/pledges", oneBook(donor, UUID.randomUUID()))
                .expectStatus()
                .isBadRequest());

        assertThat(unknown.path("errors").get(0).path("field").asString()).isEqualTo("visitId");
    }

    @Test
    void aValueBeyondAnyGiftIsRefusedNamingItSoThatNoStatementCanOverflow() {
        VisitSnapshot visit = scheduledVisit();
        String donor = donor(uniqueName("Foundation"), "liaison-foundation");
        Map<String, Object> tooMuch = Map.of(
                "donorId",
                donor,
                "visitId",
                visit.visitId(),
                "items",
                List.of(Map.of(
                        "kind",
                        "MONEY",
                        "description",
                        "A fund",
                        "quantity",
                        1,
                        "unit",
                        "transfer",
                        "estimatedValue",
                        Map.of("amountMinor", Long.MAX_VALUE / 2, "currency", "CNY"))));

        JsonNode problem =
                body(post(coordinator(), "/api/pledges", tooMuch).expectStatus().isBadRequest());

        assertThat(problem.path("errors").get(0).path("field").asString())
                .isEqualTo("items[0].estimatedValue.amountMinor");
        assertThat(body(get(coordinator(), "/api/pledges?donorId={id}", donor)
                        .expectStatus()
                        .isOk()))
                .isEmpty();
    }

    private String step(String pledge, String step, Object body) {
        return body(post(coordinator(), "/api/pledges/{id}/" + step, body, pledge)
                        .expectStatus()
                        .isOk())
                .path("status")
                .asString();
    }

    private static Map<String, Object> handOver(Object quantities) {
        return Map.of(
                "quantities",
                quantities,
                "receivedBy",
                Map.of("name", "School librarian", "role", "Librarian, Dandelion School"),
                "signatureRef",
                "paper-receipt-0926-001");
    }

    private String pledgedId(String donor) {
        return body(get(coordinator(), "/api/pledges?donorId={id}", donor)
                        .expectStatus()
                        .isOk())
                .get(0)
                .path("pledgeId")
                .asString();
    }
}
