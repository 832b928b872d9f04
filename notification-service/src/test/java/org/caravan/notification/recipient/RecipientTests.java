package org.caravan.notification.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecipientTests {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Recipient QUIET_AT_NIGHT = quiet(LocalTime.of(22, 0), LocalTime.of(7, 0));
    private static final Recipient QUIET_AT_LUNCH = quiet(LocalTime.of(12, 0), LocalTime.of(13, 30));

    @Test
    void theMinuteBeforeANightWindowIsNotQuiet() {
        assertThat(QUIET_AT_NIGHT.notInQuietHours(beijing("2026-12-08T21:59"))).isEqualTo(beijing("2026-12-08T21:59"));
    }

    @Test
    void fromTheStartOfANightWindowANoticeWaitsUntilTheNextMorning() {
        assertThat(QUIET_AT_NIGHT.notInQuietHours(beijing("2026-12-08T22:00"))).isEqualTo(beijing("2026-12-09T07:00"));
        assertThat(QUIET_AT_NIGHT.notInQuietHours(beijing("2026-12-08T23:59"))).isEqualTo(beijing("2026-12-09T07:00"));
    }

    @Test
    void afterMidnightANoticeWaitsUntilThatMorning() {
        assertThat(QUIET_AT_NIGHT.notInQuietHours(beijing("2026-12-09T03:45"))).isEqualTo(beijing("2026-12-09T07:00"));
        assertThat(QUIET_AT_NIGHT.notInQuietHours(beijing("2026-12-09T06:59"))).isEqualTo(beijing("2026-12-09T07:00"));
    }

    @Test
    void theWindowEndsAtItsLastMinute() {
        assertThat(QUIET_AT_NIGHT.notInQuietHours(beijing("2026-12-09T07:00"))).isEqualTo(beijing("2026-12-09T07:00"));
    }

    @Test
    void aWindowWithinOneDayHoldsOnlyWithinIt() {
        assertThat(QUIET_AT_LUNCH.notInQuietHours(beijing("2026-12-12T11:59"))).isEqualTo(beijing("2026-12-12T11:59"));
        assertThat(QUIET_AT_LUNCH.notInQuietHours(beijing("2026-12-12T12:00"))).isEqualTo(beijing("2026-12-12T13:30"));
        assertThat(QUIET_AT_LUNCH.notInQuietHours(beijing("2026-12-12T13:30"))).isEqualTo(beijing("2026-12-12T13:30"));
    }

    @Test
    void quietHoursAreTheRecipientsLocalHoursWhateverTheInstantsZone() {
        Recipient inBerlin = new Recipient(
                "volunteer:berlin",
                "berlin",
                "Berlin",
                null,
                "en",
                ZoneId.of("Europe/Berlin"),
                List.of("EMAIL"),
                LocalTime.of(22, 0),
                LocalTime.of(7, 0),
                null);
        Instant berlinAtEleven = LocalDateTime.parse("2026-12-08T23:00")
                .atZone(ZoneId.of("Europe/Berlin"))
                .toInstant();
        assertThat(inBerlin.notInQuietHours(berlinAtEleven))
                .isEqualTo(LocalDateTime.parse("2026-12-09T07:00")
                        .atZone(ZoneId.of("Europe/Berlin"))
                        .toInstant());
    }

    @Test
    void aReminderDueInQuietHoursComesJustBeforeThemInstead() {
        assertThat(QUIET_AT_NIGHT.beforeQuietHours(beijing("2026-12-09T05:00"))).isEqualTo(beijing("2026-12-08T21:59"));
        assertThat(QUIET_AT_NIGHT.beforeQuietHours(beijing("2026-12-08T23:00"))).isEqualTo(beijing("2026-12-08T21:59"));
        assertThat(QUIET_AT_NIGHT.beforeQuietHours(beijing("2026-12-09T08:00"))).isEqualTo(beijing("2026-12-09T08:00"));
    }

    @Test
    void withoutQuietHoursEveryHourIsFine() {
        Recipient always = quiet(null, null);
        assertThat(always.notInQuietHours(beijing("2026-12-09T03:45"))).isEqualTo(beijing("2026-12-09T03:45"));
    }

    private static Recipient quiet(LocalTime from, LocalTime to) {
        return new Recipient(
                "volunteer:qiao",
                "qiao",
                "Qiao",
                "qiao@volunteers.example",
                "zh-CN",
                BEIJING,
                List.of("EMAIL"),
                from,
                to,
                null);
    }

    private static Instant beijing(String localTime) {
        return LocalDateTime.parse(localTime).atZone(BEIJING).toInstant();
    }
}
