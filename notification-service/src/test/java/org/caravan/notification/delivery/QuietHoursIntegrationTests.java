package org.caravan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.staffing.AssignmentCancelled;
import org.caravan.contracts.staffing.AssignmentOffered;
import org.caravan.contracts.volunteer.QuietHours;
import org.caravan.notification.NotificationServiceIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * A volunteer quiet from 22:00 to 07:00 in Beijing, offered a place at set hours on both sides of each edge of
 * the window: the services' clock is set, so these hold whenever the build runs.
 */
class QuietHoursIntegrationTests extends NotificationServiceIntegrationTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final QuietHours NIGHTS = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
    private static final Instant VISIT_DAY = beijing("2026-12-12T09:30");

    @Test
    void anOfferMadeAMinuteBeforeTheWindowIsEmailedAtOnce() {
        Volunteer qiao = quietAtNight("qiao");

        offerAt(qiao, beijing("2026-12-08T21:59"));

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(qiao.email()).size() == 1);
        assertThat(deferredUntil(qiao)).isNull();
    }

    @Test
    void anOfferMadeAsTheWindowBeginsWaitsUntilSevenTheNextMorning() {
        Volunteer qiao = quietAtNight("qiao");

        offerAt(qiao, beijing("2026-12-08T22:00"));

        awaitInbox(qiao.subject(), "volunteer", 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> deferredUntil(qiao) != null);
        assertThat(deferredUntil(qiao)).isEqualTo(beijing("2026-12-09T07:00"));
        assertThat(mailTo(qiao.email())).isEmpty();

        CLOCK.setTo(beijing("2026-12-09T07:00"));

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(qiao.email()).size() == 1);
    }

    @Test
    void anOfferMadeAtQuarterToFourInTheMorningIsHeldWhileTheInboxHasItAtOnce() {
        Volunteer qiao = quietAtNight("qiao");

        offerAt(qiao, beijing("2026-12-09T03:45"));

        assertThat(awaitInbox(qiao.subject(), "volunteer", 1)).hasSize(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> deferredUntil(qiao) != null);
        assertThat(deferredUntil(qiao)).isEqualTo(beijing("2026-12-09T07:00"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> mailTo(qiao.email())
                .isEmpty());
    }

    @Test
    void anOfferMadeAMinuteBeforeTheWindowEndsIsEmailedWhenItEnds() {
        Volunteer qiao = quietAtNight("qiao");

        offerAt(qiao, beijing("2026-12-09T06:59"));

        await().atMost(Duration.ofSeconds(20)).until(() -> deferredUntil(qiao) != null);
        assertThat(deferredUntil(qiao)).isEqualTo(beijing("2026-12-09T07:00"));
        assertThat(mailTo(qiao.email())).isEmpty();

        CLOCK.advance(Duration.ofMinutes(1));

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(qiao.email()).size() == 1);
    }

    @Test
    void anOfferMadeAsTheWindowEndsIsEmailedAtOnce() {
        Volunteer qiao = quietAtNight("qiao");

        offerAt(qiao, beijing("2026-12-09T07:00"));

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(qiao.email()).size() == 1);
        assertThat(deferredUntil(qiao)).isNull();
    }

    @Test
    void anUrgentNoticeInTheNightIsNotHeld() {
        Volunteer qiao = quietAtNight("qiao");
        CLOCK.setTo(beijing("2026-12-09T03:45"));

        publishAssignment(
                EventCatalog.ASSIGNMENT_CANCELLED,
                new AssignmentCancelled(
                        assignment(qiao.id(), UUID.randomUUID(), "CANCELLED_BY_VISIT", VISIT_DAY),
                        "Visit cancelled: typhoon warning",
                        now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(qiao.email()).size() == 1);
        assertThat(deferredUntil(qiao)).isNull();
    }

    private record Volunteer(UUID id, String subject, String email) {}

    private Volunteer quietAtNight(String name) {
        String subject = name + "-" + UUID.randomUUID();
        String email = uniqueAddress(name);
        UUID id = registeredVolunteer(subject, email, "zh-CN", List.of("EMAIL"), NIGHTS, null);
        awaitRecipient(id);
        return new Volunteer(id, subject, email);
    }

    /** The clock is set just before the offer, so that it is dispatched at that minute. */
    private void offerAt(Volunteer volunteer, Instant moment) {
        CLOCK.setTo(moment);
        publishAssignment(
                EventCatalog.ASSIGNMENT_OFFERED,
                new AssignmentOffered(assignment(volunteer.id(), UUID.randomUUID(), "OFFERED", VISIT_DAY), now()));
    }

    private Instant deferredUntil(Volunteer volunteer) {
        String detail = database.sql("select s.detail from delivery_status s join delivery d on d.id = s.delivery_id"
                        + " where d.recipient = :recipient and s.status = 'DEFERRED' limit 1")
                .bind("recipient", "volunteer:" + volunteer.id())
                .map(row -> row.get("detail", String.class))
                .one()
                .block();
        return detail == null ? null : Instant.parse(detail.substring("quiet hours until ".length()));
    }

    private static Instant beijing(String localTime) {
        return LocalDateTime.parse(localTime).atZone(BEIJING).toInstant();
    }
}
