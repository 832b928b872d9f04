package org.caravan.contracts.staffing;

import java.time.Instant;

/** A volunteer with a place, or waiting for one, can no longer come; the reason is theirs. */
public record AssignmentWithdrawn(AssignmentSnapshot assignment, String reason, Instant withdrawnAt)
        implements AssignmentEvent {

    /**
     * Whether this withdrawal was in fact the visit's doing. Until assignment.cancelled.v1 and assignment.released.v1
     * existed, volunteer-service published a visit's cancellation and an item's removal as withdrawals too, told
     * apart only by the assignment's status; such events stay in the log and are read again on a replay.
     */
    public boolean endedByTheVisit() {
        return !"WITHDRAWN".equals(assignment.status());
    }
}
