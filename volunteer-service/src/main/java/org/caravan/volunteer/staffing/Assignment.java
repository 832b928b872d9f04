package org.caravan.volunteer.staffing;

import java.time.Instant;
import java.util.UUID;

/**
 * A volunteer, or a team through its lead, placed on one role of a programme item, and where that stands:
 * the answer, a coordinator's recorded override of a double booking, a pending reconfirmation, attendance.
 */
public record Assignment(
        UUID id,
        UUID itemId,
        String role,
        UUID volunteerId,
        UUID teamId,
        AssignmentStatus status,
        Instant offeredAt,
        Instant offerExpiresAt,
        Instant answeredAt,
        Long waitlistOrder,
        String conflictOverrideReason,
        Instant reconfirmationRequestedAt,
        Instant checkedInAt,
        Instant checkedOutAt) {}
