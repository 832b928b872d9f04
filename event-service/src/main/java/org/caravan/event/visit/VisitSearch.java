package org.caravan.event.visit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.caravan.event.site.Site;
import org.caravan.event.site.SiteRepository;
import org.springframework.data.domain.Sort;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Visits overlapping a window, filtered by site and status, ordered by start, a page at a time. */
@Component
class VisitSearch {

    private final R2dbcEntityTemplate database;
    private final SiteRepository sites;

    VisitSearch(R2dbcEntityTemplate database, SiteRepository sites) {
        this.database = database;
        this.sites = sites;
    }

    record Filter(Instant from, Instant to, UUID siteId, VisitStatus status, boolean includeDrafts) {}

    record Summary(
            UUID id,
            String theme,
            UUID caravanId,
            SiteRef site,
            LocalDateTime startsAt,
            LocalDateTime endsAt,
            String timeZone,
            VisitStatus status,
            long version) {}

    record SiteRef(UUID id, String name, String district) {}

    record Page(List<Summary> items, int page, int size, long total) {}

    Mono<Page> find(Filter filter, int page, int size) {
        Query query = Query.query(criteria(filter));
        Mono<Long> total = database.count(query, Visit.class);
        Mono<List<Visit>> visits = database.select(
                        query.sort(Sort.by("startsAt", "id")).limit(size).offset((long) page * size), Visit.class)
                .collectList();
        return Mono.zip(visits, total)
                .flatMap(found -> summaries(found.getT1()).map(items -> new Page(items, page, size, found.getT2())));
    }

    private static Criteria criteria(Filter filter) {
        List<Criteria> parts = new ArrayList<>();
        if (filter.from() != null) {
            parts.add(Criteria.where("endsAt").greaterThan(filter.from()));
        }
        if (filter.to() != null) {
            parts.add(Criteria.where("startsAt").lessThan(filter.to()));
        }
        if (filter.siteId() != null) {
            parts.add(Criteria.where("siteId").is(filter.siteId()));
        }
        if (filter.status() != null) {
            parts.add(Criteria.where("status").is(filter.status()));
        }
        if (!filter.includeDrafts()) {
            parts.add(Criteria.where("status").not(VisitStatus.DRAFT));
        }
        return parts.stream().reduce(Criteria.empty(), Criteria::and);
    }

    private Mono<List<Summary>> summaries(List<Visit> visits) {
        List<UUID> siteIds = visits.stream().map(Visit::siteId).distinct().toList();
        return sites.findAllById(siteIds)
                .collectMap(Site::id, Function.identity())
                .map(byId -> visits.stream().map(visit -> summary(visit, byId)).toList());
    }

    private static Summary summary(Visit visit, Map<UUID, Site> sites) {
        Site site = sites.get(visit.siteId());
        return new Summary(
                visit.id(),
                visit.theme(),
                visit.caravanId(),
                new SiteRef(site.id(), site.name(), site.district()),
                LocalDateTime.ofInstant(visit.startsAt(), site.zone()),
                LocalDateTime.ofInstant(visit.endsAt(), site.zone()),
                site.timeZone(),
                visit.status(),
                visit.version());
    }
}
