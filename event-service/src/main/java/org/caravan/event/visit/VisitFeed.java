package org.caravan.event.visit;

import java.util.List;
import org.caravan.contracts.visit.ProgrammeItemSnapshot;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.platform.calendar.ICalendar;

/**
 * The iCalendar text of a list of visits: times in the site's own time zone (one VTIMEZONE per zone), cancelled
 * visits kept and marked so that subscribers remove them, the visit's version as SEQUENCE so that a change
 * replaces the copy a calendar holds.
 */
final class VisitFeed {

    private VisitFeed() {}

    static String of(List<PlannedVisit> visits) {
        ICalendar ics = ICalendar.published(
                "-//Caravan//Volunteer service visits//EN",
                "Caravan visits",
                visits.stream().map(PlannedVisit::zone).toList());
        visits.forEach(visit -> event(ics, visit));
        return ics.end();
    }

    private static void event(ICalendar ics, PlannedVisit planned) {
        VisitSnapshot visit = planned.snapshot();
        String zone = visit.site().timeZone();
        ics.line("BEGIN", "VEVENT")
                .line("UID", visit.visitId() + "@caravan")
                .line("DTSTAMP", ICalendar.UTC.format(planned.visit().updatedAt()))
                .line("DTSTART;TZID=" + zone, ICalendar.LOCAL.format(visit.startsAt()))
                .line("DTEND;TZID=" + zone, ICalendar.LOCAL.format(visit.endsAt()))
                .line("SEQUENCE", String.valueOf(visit.version()))
                .line("STATUS", planned.visit().status() == VisitStatus.CANCELLED ? "CANCELLED" : "CONFIRMED")
                .text("SUMMARY", visit.theme())
                .text("LOCATION", visit.site().name() + ", " + visit.site().address())
                .text("DESCRIPTION", description(visit));
        if (visit.site().location() != null) {
            ics.line(
                    "GEO",
                    visit.site().location().lat() + ";"
                            + visit.site().location().lon());
        }
        ics.line("END", "VEVENT");
    }

    private static String description(VisitSnapshot visit) {
        StringBuilder text = new StringBuilder(visit.caravanName()).append('\n');
        for (ProgrammeItemSnapshot item : visit.programme()) {
            text.append(item.startsAt().toLocalTime())
                    .append(' ')
                    .append(item.title())
                    .append('\n');
        }
        return text.toString().strip();
    }
}
