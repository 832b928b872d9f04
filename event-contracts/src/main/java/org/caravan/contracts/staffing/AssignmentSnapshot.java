package org.caravan.contracts.staffing;

import java.time.Instant;
import java.util.UUID;

/**
 * An assignment as it stands after the change, with what a message about it needs: the item, its start
 * (an instant; show it in {@code timeZone}, the site's) and the visit it belongs to.
 */
public record AssignmentSnapshot(
        UUID assignmentId,
        UUID visitId,
        UUID itemId,
        String itemTitle,
        Instant itemStartsAt,
        String timeZone,
        String role,
        UUID volunteerId,
        String status,
        Instant offerExpiresAt) {}
