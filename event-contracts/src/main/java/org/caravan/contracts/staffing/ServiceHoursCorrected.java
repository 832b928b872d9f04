package org.caravan.contracts.staffing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A coordinator added a correction to the hours ledger: {@code hours} is the signed change, {@code totalHours}
 * the assignment's hours after it. Earlier entries are never edited; the new total awaits certification.
 */
public record ServiceHoursCorrected(
        AssignmentSnapshot assignment,
        BigDecimal hours,
        BigDecimal totalHours,
        String reason,
        String correctedBy,
        Instant correctedAt)
        implements AssignmentEvent {}
