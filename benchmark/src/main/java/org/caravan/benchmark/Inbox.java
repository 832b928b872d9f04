package org.caravan.benchmark;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** When the answer's notice was stored in the volunteer's inbox, read from notification-service's database. */
final class Inbox {

    private final Connection notifications;

    Inbox(Connection notifications) {
        this.notifications = notifications;
    }

    /** Waits until every answered assignment's notice is stored (or the patience runs out); returns their times. */
    Map<String, Instant> awaitNotices(List<String> assignments, Duration patience) throws SQLException {
        Instant deadline = Instant.now().plus(patience);
        Map<String, Instant> stored = stored(assignments);
        while (stored.size() < assignments.size() && Instant.now().isBefore(deadline)) {
            Pause.of(Duration.ofMillis(200));
            stored = stored(assignments);
        }
        return stored;
    }

    private Map<String, Instant> stored(List<String> assignments) throws SQLException {
        Map<String, Instant> stored = new HashMap<>();
        try (PreparedStatement select = notifications.prepareStatement(
                """
                select subject_id, min(created_at) from inbox_entry
                where kind in ('ASSIGNMENT_CONFIRMED', 'ASSIGNMENT_WAITLISTED') and subject_id = any(?)
                group by subject_id
                """)) {
            Array ids = notifications.createArrayOf("text", assignments.toArray());
            select.setArray(1, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                }
            }
        }
        return stored;
    }

    /** Notices not yet stored anywhere in the inbox: the system is quiet when none are queued. */
    long queued() throws SQLException {
        try (PreparedStatement select =
                        notifications.prepareStatement("select count(*) from delivery where status = 'QUEUED'");
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
