package org.caravan.volunteer.staffing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Where a visit's staffing stands, per item and role: needed, confirmed, offered, waitlisted, gaps. */
@Component
class StaffingBoard {

    private final DatabaseClient database;

    StaffingBoard(DatabaseClient database) {
        this.database = database;
    }

    record Line(
            UUID itemId,
            String title,
            Instant startsAt,
            String role,
            int needed,
            int confirmed,
            int offered,
            int waitlisted,
            int gaps) {}

    Mono<List<Line>> of(UUID visitId) {
        return database.sql(
                        """
                        select s.item_id, s.title, s.starts_at, n.role, n.headcount, n.confirmed,
                          count(a.id) filter (where a.status = 'OFFERED') as offered,
                          count(a.id) filter (where a.status = 'WAITLISTED') as waitlisted
                        from programme_slot s
                        join staffing_need n on n.item_id = s.item_id
                        left join assignment a on a.item_id = n.item_id and a.role = n.role
                        where s.visit_id = :visit and s.removed_at is null and n.removed_at is null
                        group by s.item_id, s.title, s.starts_at, n.role, n.headcount, n.confirmed
                        order by s.starts_at, n.role = 'TEAM', n.role
                        """)
                .bind("visit", visitId)
                .map(row -> {
                    int needed = row.get("headcount", Integer.class);
                    int confirmed = row.get("confirmed", Integer.class);
                    return new Line(
                            row.get("item_id", UUID.class),
                            row.get("title", String.class),
                            row.get("starts_at", java.time.OffsetDateTime.class).toInstant(),
                            row.get("role", String.class),
                            needed,
                            confirmed,
                            row.get("offered", Long.class).intValue(),
                            row.get("waitlisted", Long.class).intValue(),
                            needed - confirmed);
                })
                .all()
                .collectList();
    }
}
