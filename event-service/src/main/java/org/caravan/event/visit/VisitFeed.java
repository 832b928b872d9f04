package org.caravan.event.visit;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.caravan.contracts.visit.ProgrammeItemSnapshot;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.platform.calendar.ICalendar;

/**
 * The iCalendar text of a list of visits: times in the site's own time zone (one VTIMEZONE per zone), cancelled
 * visits kept and marked so that subscribers remove them, the visit's version as SEQUENCE so that a change
 * replaces the copy a calendar holds.
 */
final class VisitFeed {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private VisitFeed() {}

    static String of(List<PlannedVisit> visits) {
        ICalendar ics = new ICalendar()
                .line("BEGIN", "VCALENDAR")
                .line("VERSION", "2.0")
                .line("PRODID", "-//Caravan//Volunteer service visits//EN")
                .line("CALSCALE", "GREGORIAN")
                .line("METHOD", "PUBLISH")
                .text("X-WR-CALNAME", "Caravan visits");
        Set<ZoneId> zones =
                visits.stream().map(PlannedVisit::zone).collect(Collectors.toCollection(LinkedHashSet::new));
        zones.forEach(ics::timeZone);
        visits.forEach(visit -> event(ics, visit));
        return ics.line("END", "VCALENDAR").toString();
    }

    private static void event(ICalendar ics, PlannedVisit planned) {
        VisitSnapshot visit = planned.snapshot();
        String zone = visit.site().timeZone();
        ics.line("BEGIN", "VEVENT")
                .line("UID", visit.visitId() + "@caravan")
                .line("DTSTAMP", UTC.format(planned.visit().updatedAt()))
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
