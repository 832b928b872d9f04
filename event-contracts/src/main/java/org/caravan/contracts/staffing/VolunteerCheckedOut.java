package org.caravan.contracts.staffing;

import java.math.BigDecimal;
import java.time.Instant;

/** The volunteer left the site; {@code hours} is the service time computed from check-in, pending certification. */
public record VolunteerCheckedOut(
        AssignmentSnapshot assignment, Instant checkedInAt, Instant checkedOutAt, BigDecimal hours, String recordedBy)
        implements AssignmentEvent {}
