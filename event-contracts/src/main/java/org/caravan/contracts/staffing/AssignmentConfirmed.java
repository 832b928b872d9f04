package org.caravan.contracts.staffing;

import java.time.Instant;

/** The volunteer accepted and took one of the role's places. */
public record AssignmentConfirmed(AssignmentSnapshot assignment, Instant confirmedAt) implements AssignmentEvent {}
