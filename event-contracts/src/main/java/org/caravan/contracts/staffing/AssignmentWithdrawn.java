package org.caravan.contracts.staffing;

import java.time.Instant;

/** A volunteer with a place, or waiting for one, can no longer come; the reason is theirs. */
public record AssignmentWithdrawn(AssignmentSnapshot assignment, String reason, Instant withdrawnAt)
        implements AssignmentEvent {}
