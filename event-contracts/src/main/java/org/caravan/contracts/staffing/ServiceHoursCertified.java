package org.caravan.contracts.staffing;

import java.math.BigDecimal;
import java.time.Instant;

/** A coordinator certified the volunteer's service hours on this assignment, corrections included. */
public record ServiceHoursCertified(
        AssignmentSnapshot assignment, BigDecimal hours, String certifiedBy, Instant certifiedAt)
        implements AssignmentEvent {}
