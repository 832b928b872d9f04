package org.caravan.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.donation.DonationDelivered;
import org.caravan.contracts.donation.DonationHeld;
import org.caravan.contracts.donation.PledgeSnapshot;
import org.caravan.notification.NotificationServiceIntegrationTest;
import org.caravan.platform.testing.EventSamples;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DonationNoticesIntegrationTests extends NotificationServiceIntegrationTest {

    @Test
    void theDonorsLiaisonHearsOfTheDeliveryWithItsSignatureAndOfAHold() {
        String liaison = "liaison-" + UUID.randomUUID();
        DonationDelivered delivered = EventSamples.event(EventCatalog.DONATION_DELIVERED);
        DonationHeld held = EventSamples.event(EventCatalog.DONATION_HELD);

        publish(
                EventCatalog.DONATION_DELIVERED,
                new DonationDelivered(ofLiaison(delivered.pledge(), liaison), delivered.receipt(), "coordinator-li"),
                "donation-service");
        publish(
                EventCatalog.DONATION_HELD,
                new DonationHeld(ofLiaison(held.pledge(), liaison), held.reason(), now()),
                "donation-service");

        List<JsonNode> inbox = awaitInbox(liaison, "donor_liaison", 2);
        assertThat(inbox)
                .extracting(e -> e.path("kind").asString())
                .containsExactlyInAnyOrder("DONATION_DELIVERED", "DONATION_HELD");
        assertThat(inbox)
                .anyMatch(e -> e.path("body").asString().contains("School librarian (Librarian, Dandelion School)"));
        assertThat(inbox).anyMatch(e -> e.path("body").asString().contains("Visit cancelled: typhoon warning"));
    }

    private static PledgeSnapshot ofLiaison(PledgeSnapshot pledge, String liaison) {
        return new PledgeSnapshot(
                UUID.randomUUID(),
                pledge.donorId(),
                pledge.donorName(),
                liaison,
                pledge.visitId(),
                pledge.siteId(),
                pledge.siteName(),
                pledge.status(),
                pledge.lines());
    }
}
