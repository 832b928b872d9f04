package org.caravan.contracts.staffing;

import java.time.Instant;
import java.util.UUID;

/**
 * An assignment as it stands after the change, with what a message about it needs: the item, its times
 * (instants; show them in {@code timeZone}, the site's), the site and the visit it belongs to. A team's
 * assignment names the team, and {@code volunteerId} is then the team's lead, who answers for it.
 */
public record AssignmentSnapshot(
        UUID assignmentId,
        UUID visitId,
        UUID itemId,
        String itemTitle,
        Instant itemStartsAt,
        Instant itemEndsAt,
        String siteName,
        String timeZone,
        String role,
        UUID volunteerId,
        UUID teamId,
        String status,
        Instant offerExpiresAt) {}
