package org.caravan.contracts.staffing;

import java.time.Instant;

/**
 * The visit moved and the volunteer's place now overlaps another of their confirmed places (travel between
 * the sites included); they are asked to reconfirm or withdraw. {@code conflict} says with what, in words.
 */
public record AssignmentReconfirmationRequested(
        AssignmentSnapshot assignment, Instant previousStartsAt, String conflict, Instant requestedAt)
        implements AssignmentEvent {}
