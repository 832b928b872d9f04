package org.caravan.donation.programme;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The days a donation programme pledges on: its start, then every so many weeks. Dates already past are not made
 * up for (a programme entered late, or a service down for weeks, pledged once per sweep for each of them).
 */
final class ProgrammeDates {

    private ProgrammeDates() {}

    /** The first date of the series on or after {@code day}. */
    static LocalDate firstOnOrAfter(LocalDate startsOn, int intervalWeeks, LocalDate day) {
        if (!startsOn.isBefore(day)) {
            return startsOn;
        }
        long step = 7L * intervalWeeks;
        long steps = (ChronoUnit.DAYS.between(startsOn, day) + step - 1) / step;
        return startsOn.plusDays(steps * step);
    }

    /** After pledging for {@code due}: the next date of the series after both {@code due} and {@code today}. */
    static LocalDate following(LocalDate due, int intervalWeeks, LocalDate today) {
        LocalDate after = due.isAfter(today) ? due : today;
        return firstOnOrAfter(due.plusWeeks(intervalWeeks), intervalWeeks, after.plusDays(1));
    }
}
