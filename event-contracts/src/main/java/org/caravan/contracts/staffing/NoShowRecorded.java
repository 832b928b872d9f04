package org.caravan.contracts.staffing;

import java.time.Instant;

/** A confirmed volunteer did not come; a coordinator recorded it after the item ended. */
public record NoShowRecorded(AssignmentSnapshot assignment, String recordedBy, Instant recordedAt)
        implements AssignmentEvent {}
