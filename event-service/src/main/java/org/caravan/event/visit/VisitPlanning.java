package org.caravan.event.visit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.caravan.contracts.CaravanEvent;
import org.caravan.contracts.visit.ProgrammeChange;
import org.caravan.contracts.visit.ProgrammeChanged;
import org.caravan.contracts.visit.VisitCancelled;
import org.caravan.contracts.visit.VisitCompleted;
import org.caravan.contracts.visit.VisitRescheduled;
import org.caravan.contracts.visit.VisitScheduled;
import org.caravan.contracts.visit.VisitStarted;
import org.caravan.event.caravan.CaravanRepository;
import org.caravan.event.site.Site;
import org.caravan.event.site.SiteRepository;
import org.caravan.platform.outbox.Outbox;
import org.caravan.platform.web.EntityVersions;
import org.caravan.platform.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The visit lifecycle. Every change checks If-Match against the visit's version, and a change to a published
 * visit appends its event to the outbox in the same transaction, so state and event commit together.
 */
@Service
public class VisitPlanning {

    private final VisitRepository visits;
    private final CaravanRepository caravans;
    private final SiteRepository sites;
    private final ProgrammeItemRepository items;
    private final PlannedVisits plannedVisits;
    private final Outbox outbox;
    private final Clock clock;

    VisitPlanning(
            VisitRepository visits,
            CaravanRepository caravans,
            SiteRepository sites,
            ProgrammeItemRepository items,
            PlannedVisits plannedVisits,
            Outbox outbox,
            Clock clock) {
        this.visits = visits;
        this.caravans = caravans;
        this.sites = sites;
        this.items = items;
        this.plannedVisits = plannedVisits;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Mono<PlannedVisit> draft(VisitRequests.Draft request, String coordinator) {
        return references(request)
                .flatMap(site -> {
                    Instant now = now();
                    return visits.save(new Visit(
                            null,
                            request.caravanId(),
                            request.siteId(),
                            request.theme().strip(),
                            instant(request.startsAt(), site),
                            instant(request.endsAt(), site),
                            request.expectedAudience(),
                            VisitStatus.DRAFT,
                            null,
                            coordinator,
                            now,
                            now,
                            null));
                })
                .flatMap(plannedVisits::complete);
    }

    /** Drafts only: a scheduled visit moves with reschedule, and its programme item by item. */
    @Transactional
    public Mono<PlannedVisit> edit(UUID id, String ifMatch, VisitRequests.Draft request) {
        return plannedVisits.load(id).flatMap(planned -> {
            checkVersion(planned, ifMatch, true);
            requireStatus(planned, VisitChange.EDIT);
            return references(request).flatMap(site -> {
                Visit changed = planned.visit()
                        .withDetails(
                                request.caravanId(),
                                site.id(),
                                request.theme().strip(),
                                request.expectedAudience(),
                                now());
                return moveTo(planned, changed, instant(request.startsAt(), site), instant(request.endsAt(), site));
            });
        });
    }

    @Transactional
    public Mono<PlannedVisit> schedule(UUID id, String ifMatch, String coordinator) {
        return transition(
                id,
                ifMatch,
                VisitChange.SCHEDULE,
                null,
                visit -> new VisitScheduled(
                        visit.snapshot(), coordinator, visit.visit().updatedAt()));
    }

    @Transactional
    public Mono<PlannedVisit> start(UUID id, String ifMatch, String coordinator) {
        return transition(
                id,
                ifMatch,
                VisitChange.START,
                null,
                visit -> new VisitStarted(
                        visit.snapshot(), coordinator, visit.visit().updatedAt()));
    }

    @Transactional
    public Mono<PlannedVisit> complete(UUID id, String ifMatch, String coordinator) {
        return transition(
                id,
                ifMatch,
                VisitChange.COMPLETE,
                null,
                visit -> new VisitCompleted(
                        visit.snapshot(), coordinator, visit.visit().updatedAt()));
    }

    @Transactional
    public Mono<PlannedVisit> cancel(UUID id, String ifMatch, VisitRequests.Cancel request, String coordinator) {
        String reason = request.reason().strip();
        return plannedVisits.load(id).flatMap(planned -> {
            boolean wasPublished = planned.visit().status().isPublished();
            return transition(
                    planned,
                    ifMatch,
                    VisitChange.CANCEL,
                    reason,
                    visit -> wasPublished
                            ? new VisitCancelled(
                                    visit.snapshot(),
                                    reason,
                                    coordinator,
                                    visit.visit().updatedAt())
                            : null);
        });
    }

    /** New times for the visit; its programme items keep their place relative to the start. */
    @Transactional
    public Mono<PlannedVisit> reschedule(
            UUID id, String ifMatch, VisitRequests.Reschedule request, String coordinator) {
        return plannedVisits.load(id).flatMap(planned -> {
            checkVersion(planned, ifMatch, false);
            requireStatus(planned, VisitChange.RESCHEDULE);
            LocalDateTime previousStart = planned.local(planned.visit().startsAt());
            LocalDateTime previousEnd = planned.local(planned.visit().endsAt());
            Visit touched = planned.visit().touched(now());
            return moveTo(
                            planned,
                            touched,
                            instant(request.startsAt(), planned.site()),
                            instant(request.endsAt(), planned.site()))
                    .flatMap(moved -> publishIfPublished(
                            moved,
                            new VisitRescheduled(
                                    moved.snapshot(),
                                    previousStart,
                                    previousEnd,
                                    request.reason().strip(),
                                    coordinator,
                                    moved.visit().updatedAt())));
        });
    }

    /**
     * Records a programme change on the visit (its version moves on) and tells other services when the visit
     * is published. Called by programme planning inside its own transaction.
     */
    public Mono<PlannedVisit> programmeChanged(
            PlannedVisit before, UUID itemId, ProgrammeChange change, String coordinator) {
        return visits.save(before.visit().touched(now()))
                .flatMap(plannedVisits::complete)
                .flatMap(after -> publishIfPublished(
                        after,
                        new ProgrammeChanged(
                                after.snapshot(),
                                itemId,
                                change,
                                coordinator,
                                after.visit().updatedAt())));
    }

    public void checkVersion(PlannedVisit planned, String ifMatch, boolean required) {
        EntityVersions.check(ifMatch, planned.visit().version(), required);
    }

    /** A change the visit's status does not allow is a conflict naming both (VisitChange holds the table). */
    public void requireStatus(PlannedVisit planned, VisitChange change) {
        VisitStatus current = planned.visit().status();
        if (!change.allowedFrom(current)) {
            throw ProblemException.conflict(
                    "Visit is " + current,
                    "A " + current + " visit cannot be " + change.done() + "; that needs a visit that is "
                            + change.allowedFrom());
        }
    }

    private Mono<PlannedVisit> transition(
            UUID id, String ifMatch, VisitChange change, String reason, Function<PlannedVisit, CaravanEvent> event) {
        return plannedVisits.load(id).flatMap(planned -> transition(planned, ifMatch, change, reason, event));
    }

    private Mono<PlannedVisit> transition(
            PlannedVisit planned,
            String ifMatch,
            VisitChange change,
            String reason,
            Function<PlannedVisit, CaravanEvent> event) {
        checkVersion(planned, ifMatch, false);
        requireStatus(planned, change);
        VisitStatus to = change.leadsTo().orElseThrow(() -> new IllegalArgumentException(change + " keeps the status"));
        return visits.save(planned.visit().withStatus(to, reason, now()))
                .flatMap(plannedVisits::complete)
                .flatMap(after -> {
                    CaravanEvent happened = event.apply(after);
                    return happened == null
                            ? Mono.just(after)
                            : outbox.append(happened).thenReturn(after);
                });
    }

    /** Moves the visit to new times and its programme by the same shift; every item must still fit. */
    private Mono<PlannedVisit> moveTo(PlannedVisit planned, Visit changed, Instant start, Instant end) {
        Visit moved = changed.withTimes(start, end, changed.updatedAt());
        List<ProgrammeItem> programme = planned.programmeMovedWith(moved);
        return visits.save(moved)
                .flatMap(saved ->
                        Flux.fromIterable(programme).concatMap(items::save).then(Mono.just(saved)))
                .flatMap(plannedVisits::complete);
    }

    private Mono<PlannedVisit> publishIfPublished(PlannedVisit visit, CaravanEvent event) {
        return visit.visit().status().isPublished() ? outbox.append(event).thenReturn(visit) : Mono.just(visit);
    }

    private Mono<Site> references(VisitRequests.Draft request) {
        return caravans.existsById(request.caravanId())
                .flatMap(exists -> exists
                        ? sites.findById(request.siteId())
                        : Mono.error(ProblemException.invalidField("caravanId", "no caravan " + request.caravanId())))
                .switchIfEmpty(
                        Mono.error(() -> ProblemException.invalidField("siteId", "no site " + request.siteId())));
    }

    private static Instant instant(LocalDateTime local, Site site) {
        return local.atZone(site.zone()).toInstant();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
