package org.caravan.contracts.staffing;

import java.time.Instant;

/** The volunteer arrived on site; {@code recordedBy} is the subject of whoever recorded it. */
public record VolunteerCheckedIn(AssignmentSnapshot assignment, Instant checkedInAt, String recordedBy)
        implements AssignmentEvent {}
