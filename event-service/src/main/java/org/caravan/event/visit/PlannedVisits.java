package org.caravan.event.visit;

import java.util.UUID;
import org.caravan.event.caravan.CaravanRepository;
import org.caravan.event.site.SiteRepository;
import org.caravan.platform.web.ProblemException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Loads a visit with its caravan, site and programme. */
@Component
public class PlannedVisits {

    private final VisitRepository visits;
    private final CaravanRepository caravans;
    private final SiteRepository sites;
    private final ProgrammeItemRepository items;

    PlannedVisits(
            VisitRepository visits, CaravanRepository caravans, SiteRepository sites, ProgrammeItemRepository items) {
        this.visits = visits;
        this.caravans = caravans;
        this.sites = sites;
        this.items = items;
    }

    public Mono<PlannedVisit> load(UUID visitId) {
        return visits.findById(visitId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Visit", visitId)))
                .flatMap(this::complete);
    }

    Mono<PlannedVisit> complete(Visit visit) {
        return Mono.zip(
                        caravans.findById(visit.caravanId()),
                        sites.findById(visit.siteId()),
                        items.findByVisitIdOrderByStartsAtAscCreatedAtAsc(visit.id())
                                .collectList())
                .map(parts -> new PlannedVisit(visit, parts.getT1(), parts.getT2(), parts.getT3()));
    }
}
