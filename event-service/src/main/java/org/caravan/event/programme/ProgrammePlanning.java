package org.caravan.event.programme;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.caravan.contracts.visit.ProgrammeChange;
import org.caravan.event.visit.PlannedVisit;
import org.caravan.event.visit.PlannedVisits;
import org.caravan.event.visit.ProgrammeItem;
import org.caravan.event.visit.ProgrammeItemRepository;
import org.caravan.event.visit.VisitChange;
import org.caravan.event.visit.VisitPlanning;
import org.caravan.platform.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/** Adds, changes and removes programme items of a draft or scheduled visit, inside the visit's window. */
@Service
class ProgrammePlanning {

    private final Clock clock;

    private final PlannedVisits plannedVisits;
    private final VisitPlanning visitPlanning;
    private final ProgrammeItemRepository items;

    ProgrammePlanning(
            PlannedVisits plannedVisits, VisitPlanning visitPlanning, ProgrammeItemRepository items, Clock clock) {
        this.clock = clock;
        this.plannedVisits = plannedVisits;
        this.visitPlanning = visitPlanning;
        this.items = items;
    }

    @Transactional
    public Mono<Added> add(UUID visitId, String ifMatch, ProgrammeItemRequest request, String coordinator) {
        return plannable(visitId, ifMatch, false).flatMap(planned -> {
            ProgrammeItem item = fitted(planned, null, request, clock.instant().truncatedTo(ChronoUnit.MICROS));
            return items.save(item).flatMap(saved -> visitPlanning
                    .programmeChanged(planned, saved.id(), ProgrammeChange.ADDED, coordinator)
                    .map(after -> new Added(saved.id(), after)));
        });
    }

    @Transactional
    public Mono<PlannedVisit> change(
            UUID visitId, UUID itemId, String ifMatch, ProgrammeItemRequest request, String coordinator) {
        return plannable(visitId, ifMatch, true).flatMap(planned -> {
            ProgrammeItem current = itemOf(planned, itemId);
            return items.save(fitted(planned, current.id(), request, current.createdAt()))
                    .then(visitPlanning.programmeChanged(planned, itemId, ProgrammeChange.CHANGED, coordinator));
        });
    }

    @Transactional
    public Mono<PlannedVisit> remove(UUID visitId, UUID itemId, String ifMatch, String coordinator) {
        return plannable(visitId, ifMatch, true).flatMap(planned -> items.delete(itemOf(planned, itemId))
                .then(visitPlanning.programmeChanged(planned, itemId, ProgrammeChange.REMOVED, coordinator)));
    }

    record Added(UUID itemId, PlannedVisit visit) {}

    private Mono<PlannedVisit> plannable(UUID visitId, String ifMatch, boolean ifMatchRequired) {
        return plannedVisits.load(visitId).map(planned -> {
            visitPlanning.checkVersion(planned, ifMatch, ifMatchRequired);
            visitPlanning.requireStatus(planned, VisitChange.REPLAN_PROGRAMME);
            return planned;
        });
    }

    private static ProgrammeItem itemOf(PlannedVisit planned, UUID itemId) {
        return planned.programme().stream()
                .filter(item -> item.id().equals(itemId))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("Programme item", itemId));
    }

    private static ProgrammeItem fitted(
            PlannedVisit planned, UUID id, ProgrammeItemRequest request, Instant createdAt) {
        Instant start = request.startsAt().atZone(planned.zone()).toInstant();
        if (!planned.visit().covers(start, Duration.ofMinutes(request.durationMinutes()))) {
            throw ProblemException.invalidField(
                    "startsAt",
                    "the item must lie within the visit, "
                            + planned.local(planned.visit().startsAt()) + " to "
                            + planned.local(planned.visit().endsAt()));
        }
        return new ProgrammeItem(
                id,
                planned.visit().id(),
                request.title().strip(),
                request.kind(),
                start,
                request.durationMinutes(),
                ProgrammeItem.needsJson(request.staffingNeeds()),
                request.teamSlots(),
                createdAt);
    }
}
