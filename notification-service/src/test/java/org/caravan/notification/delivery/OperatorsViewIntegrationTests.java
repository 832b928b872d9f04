package org.caravan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.staffing.AssignmentOffered;
import org.caravan.notification.NotificationServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What an operator sees of deliveries: where each went and how it fared, never what would answer for someone. */
class OperatorsViewIntegrationTests extends NotificationServiceIntegrationTest {

    private static final Instant SATURDAY_MORNING = Instant.parse("2026-12-12T01:30:00Z");

    @Test
    void operatorsSeeWhereAnOffersLinksPointButNotTheTokensThatWouldAnswer() {
        String email = uniqueAddress("zhao");
        UUID volunteer = registeredVolunteer("zhao-" + UUID.randomUUID(), email, "zh-CN", List.of("EMAIL"), null, null);
        awaitRecipient(volunteer);

        publishAssignment(
                EventCatalog.ASSIGNMENT_OFFERED,
                new AssignmentOffered(assignment(volunteer, UUID.randomUUID(), "OFFERED", SATURDAY_MORNING), now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email).size() == 1);
        JsonNode delivery = deliveryTo(volunteer, "EMAIL").orElseThrow();
        String acceptLink = delivery.path("params").path("acceptLink").asString();
        assertThat(acceptLink).endsWith("/api/answer-links/[redacted]");
        assertThat(delivery.path("params").path("declineLink").asString()).endsWith("/api/answer-links/[redacted]");
        assertThat(delivery.toString()).doesNotContain(tokenIn(email));
    }

    @Test
    void aDeliveryThatFailsForGoodOnItsFirstTryKeepsItsChannel() {
        JsonNode failed = failedOfferTo(volunteerWithoutAddress("no-address-" + UUID.randomUUID()));

        assertThat(failed.path("channel").asString()).isEqualTo("EMAIL");
        assertThat(failed.path("lastError").asString()).isEqualTo("the recipient has no e-mail address");
    }

    @Test
    void anOperatorReadsOneRecipientsDeliveriesWithoutTheRestOfTheTraffic() {
        UUID asked = registeredVolunteer(
                "qiao-" + UUID.randomUUID(), uniqueAddress("qiao"), "zh-CN", List.of("EMAIL"), null, null);
        UUID other =
                registeredVolunteer("wu-" + UUID.randomUUID(), uniqueAddress("wu"), "en", List.of("EMAIL"), null, null);
        awaitRecipient(asked);
        awaitRecipient(other);
        publishAssignment(
                EventCatalog.ASSIGNMENT_OFFERED,
                new AssignmentOffered(assignment(asked, UUID.randomUUID(), "OFFERED", SATURDAY_MORNING), now()));
        publishAssignment(
                EventCatalog.ASSIGNMENT_OFFERED,
                new AssignmentOffered(assignment(other, UUID.randomUUID(), "OFFERED", SATURDAY_MORNING), now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveriesTo(asked).size() == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveriesTo(other).size() == 2);
        assertThat(deliveriesTo(asked))
                .extracting(d -> d.path("recipient").asString())
                .containsOnly("volunteer:" + asked);
        assertThat(deliveriesTo(asked))
                .extracting(d -> d.path("channel").asString())
                .contains("EMAIL");
    }

    @Test
    void anOperatorReadsOneDeliveryWithItsHistoryAndNobodyElseMay() {
        String subject = "no-address-" + UUID.randomUUID();
        String id = failedOfferTo(volunteerWithoutAddress(subject)).path("id").asString();

        JsonNode one = body(get(token("ops", "operator"), "/api/deliveries/" + id)
                .expectStatus()
                .isOk());
        assertThat(one.path("delivery").path("id").asString()).isEqualTo(id);
        assertThat(one.path("delivery").path("status").asString()).isEqualTo("FAILED");
        assertThat(one.path("history").valueStream().map(step -> step.path("status")
                        .asString()))
                .startsWith("QUEUED")
                .endsWith("FAILED");

        JsonNode unknown = body(get(token("ops", "operator"), "/api/deliveries/" + UUID.randomUUID())
                .expectStatus()
                .isNotFound());
        assertThat(unknown.path("title").asString()).isNotBlank();
        get(token(subject, "volunteer"), "/api/deliveries/" + id).expectStatus().isForbidden();
    }

    @Test
    void aRecipientFilterThatNamesNoKindOfRecipientIsAProblemNamingIt() {
        JsonNode problem = body(get(token("ops", "operator"), "/api/deliveries?recipient=qiao")
                .expectStatus()
                .isBadRequest());
        assertThat(problem.toString()).contains("recipient");
    }

    /** A volunteer who asked for e-mail and gave no address: every offer to them fails on its first try. */
    private UUID volunteerWithoutAddress(String subject) {
        UUID volunteer = registeredVolunteer(subject, null, "en", List.of("EMAIL"), null, null);
        awaitRecipient(volunteer);
        return volunteer;
    }

    /** An offer to the volunteer, and its e-mail delivery once it has failed for good. */
    private JsonNode failedOfferTo(UUID volunteer) {
        publishAssignment(
                EventCatalog.ASSIGNMENT_OFFERED,
                new AssignmentOffered(assignment(volunteer, UUID.randomUUID(), "OFFERED", SATURDAY_MORNING), now()));
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> deliveryTo(volunteer, "EMAIL"), delivery -> delivery.filter(
                                d -> d.path("status").asString().equals("FAILED"))
                        .isPresent())
                .orElseThrow();
    }

    private Optional<JsonNode> deliveryTo(UUID volunteer, String channel) {
        return deliveriesTo(volunteer).stream()
                .filter(d -> channel.equals(d.path("channel").asString()))
                .findFirst();
    }

    private List<JsonNode> deliveriesTo(UUID volunteer) {
        return body(get(token("ops", "operator"), "/api/deliveries?size=200&recipient=volunteer:" + volunteer)
                        .expectStatus()
                        .isOk())
                .valueStream()
                .map(view -> view.path("delivery"))
                .toList();
    }

    /** The token of the accept link as the volunteer received it by e-mail. */
    private static String tokenIn(String email) {
        try {
            String text = mailTo(email).get(0).getContent().toString();
            int start = text.indexOf("/api/answer-links/") + "/api/answer-links/".length();
            int end = start;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            String token = text.substring(start, end);
            assertThat(token).hasSizeGreaterThan(20);
            return token;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
