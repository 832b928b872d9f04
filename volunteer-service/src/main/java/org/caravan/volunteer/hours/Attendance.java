package org.caravan.volunteer.hours;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.caravan.contracts.staffing.NoShowRecorded;
import org.caravan.contracts.staffing.VolunteerCheckedIn;
import org.caravan.contracts.staffing.VolunteerCheckedOut;
import org.caravan.platform.web.ProblemException;
import org.caravan.volunteer.staffing.Assignment;
import org.caravan.volunteer.staffing.AssignmentStatus;
import org.caravan.volunteer.staffing.Assignments;
import org.caravan.volunteer.staffing.Assignments.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Who came and for how long. Check-in opens two hours before the item; check-out computes the time on site,
 * to the quarter hour, as a pending entry in the hours ledger. A coordinator may record times after the fact.
 */
@Service
class Attendance {

    private final Clock clock;

    static final Duration CHECK_IN_OPENS_BEFORE = Duration.ofHours(2);
    private static final BigDecimal QUARTERS_PER_HOUR = BigDecimal.valueOf(4);

    private final Assignments assignments;
    private final ServiceHoursLedger ledger;

    Attendance(Assignments assignments, ServiceHoursLedger ledger, Clock clock) {
        this.clock = clock;
        this.assignments = assignments;
        this.ledger = ledger;
    }

    @Transactional
    public Mono<Assignment> checkIn(UUID assignmentId, Caller caller, Instant requestedAt) {
        Instant at = when(caller, requestedAt);
        return assignments
                .lockFor(assignmentId, caller, AssignmentStatus.CHECKED_IN)
                .flatMap(assignment -> assignments.slot(assignment.itemId()).flatMap(slot -> {
                    if (at.isBefore(slot.startsAt().minus(CHECK_IN_OPENS_BEFORE)) || at.isAfter(slot.endsAt())) {
                        throw ProblemException.conflict(
                                "Not the time to check in",
                                "Check-in is open from two hours before '" + slot.title() + "' until it ends ("
                                        + slot.startsAt() + " to " + slot.endsAt() + ")");
                    }
                    return assignments
                            .checkIn(assignment, at)
                            .flatMap(checkedIn -> assignments.publish(
                                    checkedIn, snapshot -> new VolunteerCheckedIn(snapshot, at, caller.subject())));
                }));
    }

    @Transactional
    public Mono<Assignment> checkOut(UUID assignmentId, Caller caller, Instant requestedAt) {
        Instant at = when(caller, requestedAt);
        return assignments
                .lockFor(assignmentId, caller, AssignmentStatus.CHECKED_OUT)
                .flatMap(assignment -> {
                    if (!at.isAfter(assignment.checkedInAt())) {
                        throw ProblemException.invalidField(
                                "at", "check-out must come after check-in at " + assignment.checkedInAt());
                    }
                    BigDecimal hours = hoursBetween(assignment.checkedInAt(), at);
                    return assignments
                            .checkOut(assignment, at)
                            .flatMap(out -> ledger.computed(out, hours, caller.subject())
                                    .thenReturn(out))
                            .flatMap(out -> assignments.publish(
                                    out,
                                    snapshot -> new VolunteerCheckedOut(
                                            snapshot, out.checkedInAt(), at, hours, caller.subject())));
                });
    }

    /** Only once the item is over can anyone say the volunteer did not come. */
    @Transactional
    public Mono<Assignment> noShow(UUID assignmentId, String coordinator) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return assignments
                .lockFor(assignmentId, new Caller(coordinator, true), AssignmentStatus.NO_SHOW)
                .flatMap(assignment -> assignments.slot(assignment.itemId()).flatMap(slot -> {
                    if (now.isBefore(slot.endsAt())) {
                        throw ProblemException.conflict(
                                "Item not over",
                                "'" + slot.title() + "' ends at " + slot.endsAt() + "; record a no-show after");
                    }
                    return assignments
                            .noShow(assignment)
                            .flatMap(missed -> assignments.publish(
                                    missed, snapshot -> new NoShowRecorded(snapshot, coordinator, now)));
                }));
    }

    /** Rounded to the nearest quarter hour, as volunteer records are kept. */
    static BigDecimal hoursBetween(Instant from, Instant to) {
        BigDecimal quarters = BigDecimal.valueOf(Duration.between(from, to).toSeconds())
                .divide(BigDecimal.valueOf(900), 0, RoundingMode.HALF_UP);
        return quarters.divide(QUARTERS_PER_HOUR, 2, RoundingMode.UNNECESSARY);
    }

    /** A volunteer records the present moment; a coordinator may record when it happened, never in the future. */
    private Instant when(Caller caller, Instant requested) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (requested == null) {
            return now;
        }
        if (!caller.coordinator()) {
            throw ProblemException.invalidField("at", "only a coordinator records a time other than now");
        }
        if (requested.isAfter(now.plusSeconds(60))) {
            throw ProblemException.invalidField("at", "cannot be in the future");
        }
        return requested.truncatedTo(ChronoUnit.MICROS);
    }
}
