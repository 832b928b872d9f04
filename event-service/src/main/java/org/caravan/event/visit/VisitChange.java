package org.caravan.event.visit;

import static org.caravan.event.visit.VisitStatus.CANCELLED;
import static org.caravan.event.visit.VisitStatus.COMPLETED;
import static org.caravan.event.visit.VisitStatus.DRAFT;
import static org.caravan.event.visit.VisitStatus.IN_PROGRESS;
import static org.caravan.event.visit.VisitStatus.SCHEDULED;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a coordinator can do to a visit, from which states, and where it leads: the visit lifecycle's transition
 * table, written once. A draft is edited freely and scheduled; a scheduled visit starts, moves or is cancelled; one
 * under way completes; completed and cancelled visits are history and change no more.
 */
public enum VisitChange {
    EDIT("edited", null, EnumSet.of(DRAFT)),
    SCHEDULE("scheduled", SCHEDULED, EnumSet.of(DRAFT)),
    START("started", IN_PROGRESS, EnumSet.of(SCHEDULED)),
    COMPLETE("completed", COMPLETED, EnumSet.of(IN_PROGRESS)),
    CANCEL("cancelled", CANCELLED, EnumSet.of(DRAFT, SCHEDULED)),
    RESCHEDULE("rescheduled", null, EnumSet.of(DRAFT, SCHEDULED)),
    REPLAN_PROGRAMME("replanned", null, EnumSet.of(DRAFT, SCHEDULED));

    private final String done;
    private final VisitStatus leadsTo;
    private final Set<VisitStatus> allowedFrom;

    VisitChange(String done, VisitStatus leadsTo, Set<VisitStatus> allowedFrom) {
        this.done = done;
        this.leadsTo = leadsTo;
        this.allowedFrom = allowedFrom;
    }

    public boolean allowedFrom(VisitStatus status) {
        return allowedFrom.contains(status);
    }

    /** The states it is allowed from, in the lifecycle's order. */
    public Set<VisitStatus> allowedFrom() {
        return EnumSet.copyOf(allowedFrom);
    }

    /** The new status for a step of the lifecycle; empty for a change that keeps the status. */
    public Optional<VisitStatus> leadsTo() {
        return Optional.ofNullable(leadsTo);
    }

    /** The change in words, as in "a COMPLETED visit cannot be rescheduled". */
    public String done() {
        return done;
    }
}
