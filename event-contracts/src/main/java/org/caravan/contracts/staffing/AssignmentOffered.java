package org.caravan.contracts.staffing;

import java.time.Instant;

/** A coordinator offered a volunteer a role on a programme item; the offer stands until offerExpiresAt. */
public record AssignmentOffered(AssignmentSnapshot assignment, Instant offeredAt) implements AssignmentEvent {}
