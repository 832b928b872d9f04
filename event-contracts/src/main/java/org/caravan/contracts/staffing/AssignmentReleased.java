package org.caravan.contracts.staffing;

import java.time.Instant;

/**
 * The assignment's item was removed from the visit's programme, and the place, offer or wait with it (status
 * RELEASED); the volunteer is told why. The rest of the visit, and the volunteer's history, stay.
 */
public record AssignmentReleased(AssignmentSnapshot assignment, String reason, Instant releasedAt)
        implements AssignmentEvent {}
