package org.caravan.donation.pledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.Topic;
import org.caravan.contracts.donation.AcknowledgementRecorded;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.donation.DonationServiceIntegrationTest;
import org.caravan.platform.testing.AcrossTheWeek;
import org.caravan.platform.testing.Moments;
import org.caravan.platform.testing.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import tools.jackson.databind.JsonNode;

@AcrossTheWeek
class StatementAndManifestIntegrationTests extends DonationServiceIntegrationTest {

    @Parameter
    Moments moment;

    @BeforeEach
    void atTheMoment() {
        CLOCK.setTo(moment.instant());
    }

    @Test
    void aDonorsStatementValuesWhatWasDeliveredThatYearPerSite() {
        VisitSnapshot visit = scheduledVisit();
        String donor = donor(uniqueName("Huazhang"), "liaison-huazhang");
        String pledge = booksAndStationery(donor, visit.visitId(), coordinator())
                .path("pledgeId")
                .asString();
        post(coordinator(), "/api/pledges/{id}/receive", Map.of("quantities", quantities(1, 500, 2, 20)), pledge);
        post(coordinator(), "/api/pledges/{id}/dispatch", Map.of("quantities", quantities(1, 300, 2, 20)), pledge);
        post(
                        coordinator(),
                        "/api/pledges/{id}/deliver",
                        Map.of(
                                "quantities", quantities(1, 300, 2, 20),
                                "receivedBy", Map.of("name", "Principal", "role", "Principal")),
                        pledge)
                .expectStatus()
                .isOk();

        int thisYear = LocalDate.now(CLOCK.withZone(ZoneId.of("Asia/Shanghai"))).getYear();
        JsonNode statement = body(get(liaisonOrCoordinator(), "/api/donors/{id}/statement?year={year}", donor, thisYear)
                .expectStatus()
                .isOk());

        JsonNode site = statement.path("sites").get(0);
        assertThat(site.path("siteName").asString()).isEqualTo("蒲公英中学 Dandelion School");
        assertThat(site.path("items").get(0).path("quantity").asLong()).isEqualTo(300);
        assertThat(site.path("items").get(0).path("valueMinor").asLong()).isEqualTo(750_000);
        assertThat(statement.path("valueByCurrency").path("CNY").asLong()).isEqualTo(750_000);
        assertThat(body(get(coordinator(), "/api/donors/{id}/statement?year={year}", donor, thisYear - 1))
                        .path("sites"))
                .isEmpty();
    }

    @Test
    void theVisitManifestTotalsEveryPledgeAndListsWhatWasGivenInReturn() {
        VisitSnapshot visit = scheduledVisit();
        String books = donor(uniqueName("Huazhang"), "liaison-huazhang");
        String packages = donor(uniqueName("Construction Group"), "liaison-construction");
        booksAndStationery(books, visit.visitId(), coordinator());
        booksAndStationery(packages, visit.visitId(), coordinator());

        try (TopicProbe topic = TopicProbe.watch(Topic.DONATIONS.name())) {
            JsonNode recorded = body(post(
                            coordinator(),
                            "/api/acknowledgements",
                            Map.of(
                                    "donorId",
                                    packages,
                                    "visitId",
                                    visit.visitId(),
                                    "description",
                                    "Paintings by the students of grade 5"))
                    .expectStatus()
                    .isCreated());
            AcknowledgementRecorded event = awaitEvent(
                    topic, recorded.path("acknowledgementId").asString(), EventCatalog.ACKNOWLEDGEMENT_RECORDED);
            assertThat(event.donorId().toString()).isEqualTo(packages);
        }
        post(
                        liaison("liaison-huazhang"),
                        "/api/acknowledgements",
                        Map.of(
                                "teamName",
                                "Xiaomi youth team",
                                "visitId",
                                visit.visitId(),
                                "description",
                                "A painting"))
                .expectStatus()
                .isBadRequest();

        JsonNode manifest = body(get(coordinator(), "/api/visits/{id}/donations", visit.visitId())
                .expectStatus()
                .isOk());
        assertThat(manifest.path("pledges")).hasSize(2);
        JsonNode booksTotal = manifest.path("totals").get(0);
        assertThat(booksTotal.path("kind").asString()).isEqualTo("BOOKS");
        assertThat(booksTotal.path("pledged").asLong()).isEqualTo(1000);
        assertThat(manifest.path("acknowledgements").get(0).path("description").asString())
                .isEqualTo("Paintings by the students of grade 5");
    }

    private static String liaisonOrCoordinator() {
        return liaison("liaison-huazhang");
    }
}
