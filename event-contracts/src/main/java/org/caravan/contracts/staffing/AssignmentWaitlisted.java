package org.caravan.contracts.staffing;

import java.time.Instant;

/** The volunteer accepted but every place was taken: they wait in line, first come first served. */
public record AssignmentWaitlisted(AssignmentSnapshot assignment, Instant waitlistedAt) implements AssignmentEvent {}
