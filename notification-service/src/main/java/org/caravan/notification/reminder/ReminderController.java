package org.caravan.notification.reminder;

import io.r2dbc.postgresql.codec.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.caravan.platform.EventJson;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** What the caller will be reminded of, and when: their planned reminders, soonest first. */
@RestController
class ReminderController {

    private final DatabaseClient database;

    ReminderController(DatabaseClient database) {
        this.database = database;
    }

    /** A reminder still to come: of an item ({@code REMINDER}) or of an offer about to expire ({@code OFFER_EXPIRING}). */
    record PlannedReminder(
            UUID id, String kind, UUID assignmentId, UUID visitId, String item, Instant startsAt, Instant dueAt) {}

    @GetMapping("/api/reminders")
    @SuppressWarnings("unchecked")
    Flux<PlannedReminder> myReminders(@AuthenticationPrincipal Jwt person) {
        return database.sql(
                        """
                        select r.id, r.kind, r.assignment_id, r.visit_id, r.due_at, r.params
                        from reminder r join recipient p on p.key = 'volunteer:' || r.volunteer_id
                        where p.subject = :subject and r.status = 'PLANNED'
                        order by r.due_at, r.id
                        """)
                .bind("subject", person.getSubject())
                .map(row -> {
                    Map<String, String> params =
                            EventJson.read(row.get("params", Json.class).asArray(), Map.class);
                    return new PlannedReminder(
                            row.get("id", UUID.class),
                            row.get("kind", String.class),
                            row.get("assignment_id", UUID.class),
                            row.get("visit_id", UUID.class),
                            params.get("item"),
                            Instant.parse(params.get("startsAt")),
                            row.get("due_at", OffsetDateTime.class).toInstant());
                })
                .all();
    }
}
