package org.caravan.event.visit;

import java.time.Instant;
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
import org.springframework.data.domain.Sort;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Published visits as an iCalendar feed that calendar apps subscribe to: times in the site's own time zone,
 * cancelled visits kept and marked so that subscribers remove them, the visit's version as SEQUENCE.
 */
@RestController
class VisitCalendar {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final MediaType TEXT_CALENDAR =
            new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    private final R2dbcEntityTemplate database;
    private final PlannedVisits plannedVisits;

    VisitCalendar(R2dbcEntityTemplate database, PlannedVisits plannedVisits) {
        this.database = database;
        this.plannedVisits = plannedVisits;
    }

    @GetMapping("/api/visits.ics")
    Mono<ResponseEntity<String>> feed(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Criteria published = Criteria.where("status").not(VisitStatus.DRAFT);
        Instant since = VisitSearch.instant(from, "from");
        Instant until = VisitSearch.instant(to, "to");
        if (since != null) {
            published = published.and("endsAt").greaterThan(since);
        }
        if (until != null) {
            published = published.and("startsAt").lessThan(until);
        }
        return database.select(Query.query(published).sort(Sort.by("startsAt")).limit(2000), Visit.class)
                .concatMap(plannedVisits::complete)
                .collectList()
                .map(visits -> ResponseEntity.ok().contentType(TEXT_CALENDAR).body(calendar(visits)));
    }

    private static String calendar(List<PlannedVisit> visits) {
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
