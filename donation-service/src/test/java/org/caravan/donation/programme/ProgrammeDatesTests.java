package org.caravan.donation.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProgrammeDatesTests {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-08");

    @Test
    void aProgrammeStartingTodayOrLaterPledgesFirstOnItsStart() {
        assertThat(ProgrammeDates.firstOnOrAfter(TODAY, 4, TODAY)).isEqualTo(TODAY);
        assertThat(ProgrammeDates.firstOnOrAfter(TODAY.plusDays(3), 4, TODAY)).isEqualTo(TODAY.plusDays(3));
    }

    @Test
    void aProgrammeStartedInThePastPledgesFirstOnItsNextDateNotOnTheMissedOnes() {
        LocalDate aYearAgoOnATuesday = LocalDate.parse("2025-12-09");
        assertThat(ProgrammeDates.firstOnOrAfter(aYearAgoOnATuesday, 1, TODAY)).isEqualTo(TODAY);
        LocalDate fiftyOneWeeksAgo = LocalDate.parse("2025-12-16");
        assertThat(ProgrammeDates.firstOnOrAfter(fiftyOneWeeksAgo, 4, TODAY)).isEqualTo(LocalDate.parse("2026-12-15"));
    }

    @Test
    void afterAPledgeTheNextDateIsOneIntervalOn() {
        assertThat(ProgrammeDates.following(TODAY, 4, TODAY)).isEqualTo(TODAY.plusWeeks(4));
    }

    @Test
    void afterACatchUpPledgeForAMissedDateTheNextIsTheSeriesFirstDateAfterToday() {
        LocalDate missed = TODAY.minusWeeks(9);
        assertThat(ProgrammeDates.following(missed, 4, TODAY)).isEqualTo(missed.plusWeeks(12));
        assertThat(ProgrammeDates.following(TODAY.minusWeeks(4), 4, TODAY)).isEqualTo(TODAY.plusWeeks(4));
    }
}
