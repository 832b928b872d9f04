package org.caravan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caravan.notification.message.NoticeKind;
import org.caravan.notification.recipient.Recipient;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTests {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Instant EVENING = beijing("2026-09-21T20:00");
    private static final Instant NIGHT = beijing("2026-09-21T23:30");
    private static final Instant NEXT_MORNING = beijing("2026-09-22T07:00");

    /** Qiao: inbox, then e-mail, then her webhook; quiet from 22:00 to 07:00 Beijing time. */
    private static final Recipient QIAO = new Recipient(
            "volunteer:qiao",
            "qiao",
            "Qiao Yuanhui",
            "qiao@example.org",
            "zh-CN",
            BEIJING,
            List.of("INBOX", "EMAIL", "WEBHOOK"),
            LocalTime.of(22, 0),
            LocalTime.of(7, 0),
            "https://hooks.example.org/qiao");

    private final DeliveryPolicy policy =
            new DeliveryPolicy(new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofMinutes(10)));

    @Test
    void theInboxCopyGoesAtOnceEvenInQuietHours() {
        assertThat(policy.due(delivery(0, false, 0), QIAO, NIGHT)).isEqualTo(new DeliveryPolicy.Send("INBOX"));
    }

    @Test
    void eachRankIsTheNextChannelTheRecipientPrefersAfterTheInbox() {
        assertThat(policy.due(delivery(1, false, 0), QIAO, EVENING)).isEqualTo(new DeliveryPolicy.Send("EMAIL"));
        assertThat(policy.due(delivery(2, false, 0), QIAO, EVENING)).isEqualTo(new DeliveryPolicy.Send("WEBHOOK"));
    }

    @Test
    void pastTheLastChannelThereIsNothingToSendAndTheInboxCopyStands() {
        assertThat(policy.due(delivery(3, false, 0), QIAO, EVENING))
                .isEqualTo(new DeliveryPolicy.Skip("no other channel; the inbox copy stands"));
    }

    @Test
    void anEmailDueInQuietHoursWaitsUntilTheyEnd() {
        assertThat(policy.due(delivery(1, false, 0), QIAO, NIGHT))
                .isEqualTo(new DeliveryPolicy.Defer("EMAIL", NEXT_MORNING, null));
    }

    @Test
    void aWebhookDueInQuietHoursWaitsAndKeepsTheUrlItWasDueFor() {
        assertThat(policy.due(delivery(2, false, 0), QIAO, NIGHT))
                .isEqualTo(new DeliveryPolicy.Defer("WEBHOOK", NEXT_MORNING, "https://hooks.example.org/qiao"));
    }

    @Test
    void anUrgentNoticeIsSentInQuietHoursToo() {
        assertThat(policy.due(delivery(1, true, 0), QIAO, NIGHT)).isEqualTo(new DeliveryPolicy.Send("EMAIL"));
    }

    @Test
    void aPassingFailureIsTriedAgainAfterAPauseThatGrows() {
        DeliveryFailure refused = new DeliveryFailure("mail server busy", false, null);

        assertThat(policy.afterFailure(delivery(1, false, 0), refused, EVENING))
                .isEqualTo(new DeliveryPolicy.TryAgain(EVENING.plusSeconds(10)));
        assertThat(policy.afterFailure(delivery(1, false, 1), refused, EVENING))
                .isEqualTo(new DeliveryPolicy.TryAgain(EVENING.plusSeconds(20)));
    }

    @Test
    void afterTheLastTryTheNextChannelTakesOver() {
        DeliveryFailure refused = new DeliveryFailure("mail server busy", false, null);

        assertThat(policy.afterFailure(delivery(1, false, 2), refused, EVENING))
                .isEqualTo(new DeliveryPolicy.GiveUp(true));
    }

    @Test
    void aPermanentFailureHandsOverToTheNextChannelAtOnce() {
        assertThat(policy.afterFailure(
                        delivery(2, false, 0), DeliveryFailure.permanent("refused destination"), EVENING))
                .isEqualTo(new DeliveryPolicy.GiveUp(true));
    }

    @Test
    void theInboxHasNoNextChannelToHandOverTo() {
        assertThat(policy.afterFailure(
                        delivery(0, false, 0), DeliveryFailure.permanent("recipient not known yet"), EVENING))
                .isEqualTo(new DeliveryPolicy.GiveUp(false));
    }

    private static Delivery delivery(int rank, boolean urgent, int attempts) {
        return new Delivery(
                UUID.nameUUIDFromBytes(("delivery-" + rank).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                UUID.nameUUIDFromBytes("offer-event".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                QIAO.key(),
                rank,
                null,
                NoticeKind.ASSIGNMENT_OFFERED,
                "assignment-1",
                Map.of(),
                urgent,
                "QUEUED",
                attempts,
                null,
                null,
                EVENING,
                null);
    }

    private static Instant beijing(String local) {
        return LocalDateTime.parse(local).atZone(BEIJING).toInstant();
    }
}
