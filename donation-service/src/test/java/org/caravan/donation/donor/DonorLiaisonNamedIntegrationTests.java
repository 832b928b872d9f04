package org.caravan.donation.donor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.Topic;
import org.caravan.contracts.donation.DonorLiaisonNamed;
import org.caravan.donation.DonationServiceIntegrationTest;
import org.caravan.platform.messaging.CloudEventHeaders;
import org.caravan.platform.testing.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Registering a donor with a liaison publishes one {@code DonorLiaisonNamed} through the outbox, in the transaction
 * that registers the donor: identity-service invites the liaison from it. A refused registration publishes nothing,
 * and neither does a donor without a liaison.
 */
class DonorLiaisonNamedIntegrationTests extends DonationServiceIntegrationTest {

    private TopicProbe donors;

    @BeforeEach
    void watch() {
        donors = TopicProbe.watch(Topic.DONORS.name());
    }

    @AfterEach
    void stopWatching() {
        donors.close();
    }

    @Test
    void aDonorRegisteredWithALiaisonPublishesTheLiaisonOnceWithWhatTheirInvitationNeeds() {
        String liaison = "liaison-" + UUID.randomUUID();
        String name = uniqueName("华章同人 Huazhang reading team");
        Instant before = Instant.now().minusSeconds(5);

        JsonNode donor = body(post(coordinator(), "/api/donors", registration(name, liaison, "huazhang@donors.example"))
                .expectStatus()
                .isCreated());
        String donorId = donor.path("id").asString();

        DonorLiaisonNamed event = awaitEvent(donors, donorId, EventCatalog.DONOR_LIAISON_NAMED);
        assertThat(event.donorId()).hasToString(donorId);
        assertThat(event.donorName()).isEqualTo(name);
        assertThat(event.liaisonSubject()).isEqualTo(liaison);
        assertThat(event.liaisonName()).isEqualTo("Reading team office");
        assertThat(event.liaisonEmail()).isEqualTo("huazhang@donors.example");
        assertThat(event.liaisonLocale())
                .as("donation-service records no language")
                .isNull();
        assertThat(event.namedBy()).isEqualTo("coordinator-li");
        assertThat(event.namedAt())
                .isEqualTo(Instant.parse(donor.path("createdAt").asString()))
                .isAfter(before);
        List<ConsumerRecord<String, byte[]>> records = aboutTheDonor(donorId);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.get(0);
        assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("org.caravan.donor.liaison-named.v1");
        assertThat(TopicProbe.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(donorId);
        assertThat(TopicProbe.header(record, CloudEventHeaders.SOURCE)).isEqualTo("donation-service");
        assertThat(UUID.fromString(TopicProbe.header(record, CloudEventHeaders.ID)))
                .isNotNull();
    }

    @Test
    void aLiaisonWhoRegistersADonorIsNamedItsLiaisonByThemselves() {
        String liaison = "liaison-" + UUID.randomUUID();

        String donorId = body(post(
                                liaison(liaison),
                                "/api/donors",
                                registration(uniqueName("Own team"), "someone-else", "team@donors.example"))
                        .expectStatus()
                        .isCreated())
                .path("id")
                .asString();

        DonorLiaisonNamed event = awaitEvent(donors, donorId, EventCatalog.DONOR_LIAISON_NAMED);
        assertThat(event.liaisonSubject()).isEqualTo(liaison);
        assertThat(event.namedBy()).isEqualTo(liaison);
    }

    @Test
    void aRefusedRegistrationOrADonorWithoutALiaisonPublishesNothing() {
        String name = uniqueName("Beijing No. 5 Construction Group");
        String liaison = "liaison-" + UUID.randomUUID();
        String firstId = body(post(coordinator(), "/api/donors", registration(name, liaison, "union@bcg5.example"))
                        .expectStatus()
                        .isCreated())
                .path("id")
                .asString();
        String takenBy = "taken-" + UUID.randomUUID() + "@donors.example";
        String invalidBy = "invalid-" + UUID.randomUUID() + "@donors.example";
        String forbiddenBy = "forbidden-" + UUID.randomUUID() + "@donors.example";
        String withoutLiaison = uniqueName("Anonymous donor");

        post(coordinator(), "/api/donors", registration(name, liaison, takenBy))
                .expectStatus()
                .isEqualTo(409);
        Map<String, Object> invalid = registration(uniqueName("Invalid"), liaison, invalidBy);
        invalid.put("kind", "COMPANY");
        post(coordinator(), "/api/donors", invalid).expectStatus().isBadRequest();
        post(
                        token("volunteer-" + UUID.randomUUID(), "volunteer"),
                        "/api/donors",
                        registration(uniqueName("Forbidden"), liaison, forbiddenBy))
                .expectStatus()
                .isForbidden();
        String withoutLiaisonId = body(post(
                                coordinator(),
                                "/api/donors",
                                Map.of(
                                        "name",
                                        withoutLiaison,
                                        "kind",
                                        "ORGANISATION",
                                        "contact",
                                        Map.of("email", "office@donors.example")))
                        .expectStatus()
                        .isCreated())
                .path("id")
                .asString();
        String next = "liaison-next-" + UUID.randomUUID();
        String nextId = body(post(coordinator(), "/api/donors", registration(uniqueName("Next"), next, null))
                        .expectStatus()
                        .isCreated())
                .path("id")
                .asString();

        DonorLiaisonNamed nextEvent = awaitEvent(donors, nextId, EventCatalog.DONOR_LIAISON_NAMED);
        assertThat(nextEvent.liaisonEmail())
                .as("a donor without a contact address")
                .isNull();
        List<ConsumerRecord<String, byte[]>> all = donors.collectFor(Duration.ofSeconds(1));
        assertThat(all).as("nothing of the refused registrations was published").noneMatch(r -> {
            String json = new String(r.value(), StandardCharsets.UTF_8);
            return json.contains(takenBy) || json.contains(invalidBy) || json.contains(forbiddenBy);
        });
        assertThat(all).as("a donor without a liaison names nobody").noneMatch(r -> withoutLiaisonId.equals(r.key()));
        assertThat(all.stream().filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(liaison)))
                .as("the first registration of the liaison's donor, once")
                .singleElement()
                .satisfies(r -> assertThat(r.key()).isEqualTo(firstId));
    }

    /** Every record about the donor that reaches the topic within a few seconds of the first. */
    private List<ConsumerRecord<String, byte[]>> aboutTheDonor(String donorId) {
        return donors.collectFor(Duration.ofSeconds(2)).stream()
                .filter(r -> donorId.equals(r.key()))
                .toList();
    }

    private static Map<String, Object> registration(String name, String liaisonSubject, String email) {
        Map<String, Object> contact = new HashMap<>(Map.of("name", "Reading team office"));
        if (email != null) {
            contact.put("email", email);
        }
        return new HashMap<>(
                Map.of("name", name, "kind", "TEAM", "contact", contact, "liaisonSubject", liaisonSubject));
    }
}
