package org.caravan.volunteer.staffing;

import java.time.Instant;
import java.util.UUID;

/** A volunteer placed on one role of a programme item, and where that stands. */
public record Assignment(
        UUID id,
        UUID itemId,
        String role,
        UUID volunteerId,
        AssignmentStatus status,
        Instant offeredAt,
        Instant offerExpiresAt,
        Instant answeredAt,
        Long waitlistOrder) {

    static Assignment from(io.r2dbc.spi.Readable row) {
        return new Assignment(
                row.get("id", UUID.class),
                row.get("item_id", UUID.class),
                row.get("role", String.class),
                row.get("volunteer_id", UUID.class),
                AssignmentStatus.valueOf(row.get("status", String.class)),
                row.get("offered_at", java.time.OffsetDateTime.class).toInstant(),
                row.get("offer_expires_at", java.time.OffsetDateTime.class).toInstant(),
                instant(row.get("answered_at", java.time.OffsetDateTime.class)),
                row.get("waitlist_order", Long.class));
    }

    private static Instant instant(java.time.OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
