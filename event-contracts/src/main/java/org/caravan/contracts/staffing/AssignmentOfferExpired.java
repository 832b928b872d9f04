package org.caravan.contracts.staffing;

import java.time.Instant;

/** An offer went unanswered until it expired; a waitlisted person may now be offered the place. */
public record AssignmentOfferExpired(AssignmentSnapshot assignment, Instant expiredAt) implements AssignmentEvent {}
