package org.caravan.contracts.staffing;

import java.time.Instant;

/** The volunteer said no to the offer. */
public record AssignmentDeclined(AssignmentSnapshot assignment, Instant declinedAt) implements AssignmentEvent {}
