package org.caravan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.staffing.AssignmentConfirmed;
import org.caravan.notification.NotificationServiceIntegrationTest;
import org.caravan.notification.WebhookReceiver;
import org.caravan.platform.security.Hmac;
import org.caravan.platform.testing.AcrossTheWeek;
import org.caravan.platform.testing.Moments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import tools.jackson.databind.JsonNode;

@AcrossTheWeek
class DeliveryIntegrationTests extends NotificationServiceIntegrationTest {

    @Parameter
    Moments moment;

    @BeforeEach
    void atTheMoment() {
        CLOCK.setTo(moment.instant());
    }

    private static Instant nextMonth() {
        return now().plus(Duration.ofDays(30));
    }

    @Test
    void aWebhookCarriesASignatureTheReceiverCanVerify() {
        String path = "/chat/" + UUID.randomUUID();
        UUID volunteer = registeredVolunteer(
                "team-" + UUID.randomUUID(), null, "zh-CN", List.of("WEBHOOK"), null, WEBHOOKS.url(path));

        confirm(volunteer);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> WEBHOOKS.receivedAt(path).size() == 1);
        WebhookReceiver.Received hook = WEBHOOKS.receivedAt(path).get(0);
        String timestamp = hook.headers().get("x-caravan-timestamp");
        assertThat(hook.headers().get("x-caravan-signature"))
                .isEqualTo("sha256=" + Hmac.sign(WEBHOOK_SECRET, timestamp + "." + hook.body()));
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)))
                .isLessThan(60);
        assertThat(Hmac.verify(
                        WEBHOOK_SECRET,
                        timestamp + "." + hook.body() + " ",
                        hook.headers().get("x-caravan-signature")))
                .isFalse();
        assertThat(hook.body()).contains("\"kind\":\"ASSIGNMENT_CONFIRMED\"", "已确认");
    }

    @Test
    void whenEmailFailsForGoodTheNextChannelIsUsedAndOperatorsSeeTheFailure() {
        String path = "/fallback/" + UUID.randomUUID();
        String subject = "sun-" + UUID.randomUUID();
        String email = uniqueAddress("sun");
        UUID volunteer =
                registeredVolunteer(subject, email, "en", List.of("EMAIL", "WEBHOOK"), null, WEBHOOKS.url(path));
        awaitRecipient(volunteer);
        SMTP.stop();
        try {
            confirm(volunteer);

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> WEBHOOKS.receivedAt(path).size() == 1);
        } finally {
            SMTP.start();
        }
        assertThat(mailTo(email)).isEmpty();
        assertThat(awaitInbox(subject, "volunteer", 1)).hasSize(1);
        JsonNode failed = failedEmailTo("volunteer:" + volunteer);
        assertThat(failed.path("history").valueStream().map(h -> h.path("status")
                        .asString()))
                .as(failed.toString())
                .containsExactly("QUEUED", "RETRYING", "RETRYING", "FAILED");

        JsonNode retried = body(post(
                        token("ops", "operator"),
                        "/api/deliveries/{id}/retry",
                        null,
                        failed.path("delivery").path("id").asString())
                .expectStatus()
                .isOk());
        assertThat(retried.path("delivery").path("status").asString()).isEqualTo("QUEUED");
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email).size() == 1);
    }

    @Test
    void nothingNonUrgentArrivesInQuietHoursButTheInboxKeepsACopy() {
        String subject = "night-" + UUID.randomUUID();
        String email = uniqueAddress("night");
        UUID volunteer = registeredVolunteer(subject, email, "en", List.of("EMAIL"), quietAroundNow(), null);

        confirm(volunteer);

        awaitInbox(subject, "volunteer", 1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !deferred("volunteer:" + volunteer).isEmpty());
        assertThat(mailTo(email)).isEmpty();
        Instant until = Instant.parse(deferred("volunteer:" + volunteer).substring("quiet hours until ".length()));
        assertThat(until).isAfter(now().plus(Duration.ofMinutes(50)));
    }

    @Test
    void onlyOperatorsReadDeliveries() {
        get(token("volunteer-wang", "volunteer"), "/api/deliveries")
                .expectStatus()
                .isForbidden();
        get(token("ops", "operator"), "/api/deliveries?status=SENT")
                .expectStatus()
                .isOk();
        get(token("ops", "operator"), "/api/deliveries?status=LOST")
                .expectStatus()
                .isBadRequest();
    }

    private void confirm(UUID volunteer) {
        publishAssignment(
                EventCatalog.ASSIGNMENT_CONFIRMED,
                new AssignmentConfirmed(assignment(volunteer, UUID.randomUUID(), "CONFIRMED", nextMonth()), now()));
    }

    private JsonNode failedEmailTo(String recipient) {
        return body(get(token("ops", "operator"), "/api/deliveries?status=FAILED&recipient=" + recipient)
                        .expectStatus()
                        .isOk())
                .valueStream()
                .filter(d -> d.path("delivery").path("recipient").asString().equals(recipient))
                .findFirst()
                .orElseThrow();
    }

    private String deferred(String recipient) {
        return database.sql("select s.detail from delivery_status s join delivery d on d.id = s.delivery_id"
                        + " where d.recipient = :recipient and s.status = 'DEFERRED' limit 1")
                .bind("recipient", recipient)
                .map(row -> row.get("detail", String.class))
                .one()
                .defaultIfEmpty("")
                .block();
    }
}
