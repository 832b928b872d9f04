package org.caravan.contracts.staffing;

import java.time.Instant;

/**
 * A place opened and the first volunteer waiting for one is offered it (status OFFERED); the offer stands until
 * offerExpiresAt, like any other, but the volunteer had already said yes once.
 */
public record AssignmentPromoted(AssignmentSnapshot assignment, Instant promotedAt) implements AssignmentEvent {}
