package org.caravan.event.visit;

import java.time.Instant;
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

/** Published visits as an iCalendar feed that calendar apps subscribe to (what it holds: {@link VisitFeed}). */
@RestController
class VisitCalendar {

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
        Instant since = WindowBound.parse(from, "from");
        Instant until = WindowBound.parse(to, "to");
        if (since != null) {
            published = published.and("endsAt").greaterThan(since);
        }
        if (until != null) {
            published = published.and("startsAt").lessThan(until);
        }
        return database.select(Query.query(published).sort(Sort.by("startsAt")).limit(2000), Visit.class)
                .concatMap(plannedVisits::complete)
                .collectList()
                .map(visits -> ResponseEntity.ok().contentType(TEXT_CALENDAR).body(VisitFeed.of(visits)));
    }
}
