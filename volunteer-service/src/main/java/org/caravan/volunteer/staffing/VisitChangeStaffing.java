package org.caravan.volunteer.staffing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.caravan.contracts.staffing.AssignmentCancelled;
import org.caravan.contracts.staffing.AssignmentReconfirmationRequested;
import org.caravan.contracts.staffing.AssignmentReleased;
import org.caravan.contracts.visit.VisitCancelled;
import org.caravan.contracts.visit.VisitEvent;
import org.caravan.contracts.visit.VisitRescheduled;
import org.caravan.platform.messaging.IncomingEvent;
import org.caravan.volunteer.visit.StaffingFollowsVisits;
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

    private final Assignments assignments;
    private final Headcount headcount;
    private final DoubleBooking doubleBooking;

    VisitChangeStaffing(Assignments assignments, Headcount headcount, DoubleBooking doubleBooking, Clock clock) {
        this.clock = clock;
        this.assignments = assignments;
        this.headcount = headcount;
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
        return assignments
                .endForVisit(visitId, at)
                .concatMap(ended -> assignments.publish(
                        ended, snapshot -> new AssignmentCancelled(snapshot, "Visit cancelled: " + reason, at)))
                .then(headcount.emptyVisit(visitId));
    }

    private Mono<Void> releaseRemovedFromProgramme(UUID visitId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return assignments
                .releaseRemovedFromProgramme(visitId, now)
                .concatMap(released -> assignments.publish(
                        released,
                        snapshot -> new AssignmentReleased(snapshot, "Removed from the visit's programme", now)))
                .then();
    }

    /**
     * Places moved with their items (they follow the read model). Those that now clash with another place of the
     * same volunteer, and were not knowingly double-booked by a coordinator, are asked to reconfirm.
     */
    private Mono<Void> askToReconfirmWhereMovedPlacesClash(UUID visitId, Duration shift, Instant at) {
        return assignments
                .placesToRecheck(visitId)
                .concatMap(held -> doubleBooking
                        .of(held.volunteerId(), held.itemId(), held.id())
                        .flatMap(conflict -> conflict.isEmpty()
                                ? Mono.empty()
                                : assignments
                                        .askToReconfirm(held, at)
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
