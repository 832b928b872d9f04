package org.caravan.volunteer.staffing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.caravan.contracts.staffing.AssignmentReconfirmationRequested;
import org.caravan.contracts.staffing.AssignmentWithdrawn;
import org.caravan.contracts.visit.VisitCancelled;
import org.caravan.contracts.visit.VisitEvent;
import org.caravan.contracts.visit.VisitRescheduled;
import org.caravan.platform.messaging.IncomingEvent;
import org.caravan.volunteer.visit.StaffingFollowsVisits;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What visit changes do to the people on them, inside the consumer's transaction with the read model's update:
 * a cancelled visit ends every live assignment with the visit's reason; a moved visit asks those whose place
 * now clashes with another to reconfirm; items and roles that left the programme release their people.
 */
@Component
class VisitChangeStaffing implements StaffingFollowsVisits {

    private final Clock clock;

    private static final String LIVE = "('OFFERED', 'CONFIRMED', 'WAITLISTED')";

    private final DatabaseClient database;
    private final Assignments assignments;
    private final DoubleBooking doubleBooking;

    VisitChangeStaffing(DatabaseClient database, Assignments assignments, DoubleBooking doubleBooking, Clock clock) {
        this.clock = clock;
        this.database = database;
        this.assignments = assignments;
        this.doubleBooking = doubleBooking;
    }

    @Override
    public Mono<Void> visitChanged(IncomingEvent<? extends VisitEvent> event) {
        VisitEvent change = event.payload();
        UUID visitId = change.visit().visitId();
        if (change instanceof VisitCancelled cancelled) {
            return cancelledWithVisit(visitId, cancelled.reason(), cancelled.cancelledAt());
        }
        Mono<Void> released = releaseRemovedFromProgramme(visitId);
        if (change instanceof VisitRescheduled moved) {
            ZoneId zone = ZoneId.of(moved.visit().site().timeZone());
            Duration shift = Duration.between(
                    moved.previousStartsAt().atZone(zone),
                    moved.visit().startsAt().atZone(zone));
            return released.then(askToReconfirmWhereMovedPlacesClash(visitId, shift, moved.rescheduledAt()));
        }
        return released;
    }

    private Mono<Void> cancelledWithVisit(UUID visitId, String reason, Instant at) {
        return database.sql(
                        "update assignment set status = 'CANCELLED_BY_VISIT', answered_at = :at, version = version + 1"
                                + " where status in " + LIVE
                                + " and item_id in (select item_id from programme_slot where visit_id = :visit) returning "
                                + Assignment.COLUMNS)
                .bind("at", at)
                .bind("visit", visitId)
                .map(Assignment::from)
                .all()
                .concatMap(ended -> assignments.publish(
                        ended, snapshot -> new AssignmentWithdrawn(snapshot, "Visit cancelled: " + reason, at)))
                .then(database.sql("update staffing_need set confirmed = 0"
                                + " where item_id in (select item_id from programme_slot where visit_id = :visit)")
                        .bind("visit", visitId)
                        .then());
    }

    private Mono<Void> releaseRemovedFromProgramme(UUID visitId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return database.sql(
                        """
                        update assignment a set status = 'RELEASED', answered_at = :now, version = a.version + 1
                        from staffing_need n join programme_slot s on s.item_id = n.item_id
                        where a.item_id = n.item_id and a.role = n.role and s.visit_id = :visit
                          and a.status in ('OFFERED', 'CONFIRMED', 'WAITLISTED')
                          and (n.removed_at is not null or s.removed_at is not null)
                        returning """
                                + " " + Assignment.columns("a."))
                .bind("now", now)
                .bind("visit", visitId)
                .map(Assignment::from)
                .all()
                .concatMap(released -> assignments.publish(
                        released,
                        snapshot -> new AssignmentWithdrawn(snapshot, "Removed from the visit's programme", now)))
                .then();
    }

    /**
     * Places moved with their items (they follow the read model). Those that now clash with another place of the
     * same volunteer, and were not knowingly double-booked by a coordinator, are asked to reconfirm.
     */
    private Mono<Void> askToReconfirmWhereMovedPlacesClash(UUID visitId, Duration shift, Instant at) {
        return database.sql("select " + Assignment.columns("a.")
                        + " from assignment a join programme_slot s on s.item_id = a.item_id"
                        + " where s.visit_id = :visit and s.removed_at is null and a.status = 'CONFIRMED'"
                        + " and a.conflict_override_reason is null and a.reconfirmation_requested_at is null")
                .bind("visit", visitId)
                .map(Assignment::from)
                .all()
                .concatMap(held -> doubleBooking
                        .of(held.volunteerId(), held.itemId(), held.id())
                        .flatMap(conflict -> conflict.isEmpty()
                                ? Mono.empty()
                                : assignments
                                        .change(held.id(), "reconfirmation_requested_at = :at", Map.of("at", at))
                                        .flatMap(flagged -> assignments.publish(
                                                flagged,
                                                snapshot -> new AssignmentReconfirmationRequested(
                                                        snapshot,
                                                        snapshot.itemStartsAt().minus(shift),
                                                        conflict.get().describe(),
                                                        at)))))
                .then();
    }
}
