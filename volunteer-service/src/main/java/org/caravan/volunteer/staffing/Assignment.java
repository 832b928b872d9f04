package org.caravan.volunteer.staffing;

import java.time.Instant;
import java.time.OffsetDateTime;
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
        Instant checkedOutAt) {

    static final String COLUMNS = columns("");

    /** The column list, each prefixed with a table alias where the query joins. */
    static String columns(String alias) {
        return String.join(
                ", ",
                java.util.stream.Stream.of(
                                "id",
                                "item_id",
                                "role",
                                "volunteer_id",
                                "team_id",
                                "status",
                                "offered_at",
                                "offer_expires_at",
                                "answered_at",
                                "waitlist_order",
                                "conflict_override_reason",
                                "reconfirmation_requested_at",
                                "checked_in_at",
                                "checked_out_at")
                        .map(column -> alias + column)
                        .toList());
    }

    static Assignment from(io.r2dbc.spi.Readable row) {
        return new Assignment(
                row.get("id", UUID.class),
                row.get("item_id", UUID.class),
                row.get("role", String.class),
                row.get("volunteer_id", UUID.class),
                row.get("team_id", UUID.class),
                AssignmentStatus.valueOf(row.get("status", String.class)),
                instant(row.get("offered_at", OffsetDateTime.class)),
                instant(row.get("offer_expires_at", OffsetDateTime.class)),
                instant(row.get("answered_at", OffsetDateTime.class)),
                row.get("waitlist_order", Long.class),
                row.get("conflict_override_reason", String.class),
                instant(row.get("reconfirmation_requested_at", OffsetDateTime.class)),
                instant(row.get("checked_in_at", OffsetDateTime.class)),
                instant(row.get("checked_out_at", OffsetDateTime.class)));
    }

    public boolean holdsAPlace() {
        return status == AssignmentStatus.CONFIRMED || status == AssignmentStatus.CHECKED_IN;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
