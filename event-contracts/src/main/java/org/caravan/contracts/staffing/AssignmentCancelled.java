package org.caravan.contracts.staffing;

import java.time.Instant;

/**
 * The visit was cancelled, and with it this place, offer or wait (status CANCELLED_BY_VISIT); the reason is the
 * visit's, and the volunteer is told it. Nobody is promoted: the visit has no places any more.
 */
public record AssignmentCancelled(AssignmentSnapshot assignment, String reason, Instant cancelledAt)
        implements AssignmentEvent {}
