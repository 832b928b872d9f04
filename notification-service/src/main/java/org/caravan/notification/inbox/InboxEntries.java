package org.caravan.notification.inbox;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.caravan.notification.delivery.Delivery;
import org.caravan.notification.message.Templates.Message;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one writer and reader of {@code inbox_entry}: a copy per delivery, however often it is made, read or not.
 * It joins the caller's transaction.
 */
@Component
class InboxEntries {

    private final DatabaseClient database;
    private final Clock clock;

    InboxEntries(DatabaseClient database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The delivery's copy in the inbox of whoever signs in as {@code subject}; nothing if it has one already. */
    Mono<Void> copy(Delivery delivery, String subject, Message message) {
        return database.sql(
                        """
                        insert into inbox_entry (recipient, kind, subject_id, title, body, event_id, delivery_id, created_at)
                        values (:recipient, :kind, :subject, :title, :body, :event, :delivery, :createdAt)
                        on conflict (delivery_id) do nothing
                        """)
                .bind("recipient", subject)
                .bind("kind", delivery.kind().name())
                .bind("subject", delivery.subjectId())
                .bind("title", message.title())
                .bind("body", message.body())
                .bind("event", delivery.eventId())
                .bind("delivery", delivery.id())
                .bind("createdAt", stamp())
                .then();
    }

    /** Unread first, then newest first. */
    Flux<InboxEntry> page(String recipient, int limit, long offset) {
        return database.sql("select * from inbox_entry where recipient = :recipient"
                        + " order by read_at is not null, created_at desc, id limit :limit offset :offset")
                .bind("recipient", recipient)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(InboxEntries::from)
                .all();
    }

    /** The recipient's entries stamped at or after {@code since}, oldest first. */
    Flux<InboxEntry> stampedSince(String recipient, Instant since) {
        return database.sql("select * from inbox_entry where recipient = :recipient and created_at >= :since"
                        + " order by created_at, id")
                .bind("recipient", recipient)
                .bind("since", since)
                .map(InboxEntries::from)
                .all();
    }

    /** Read now, unless it was read before; empty when the entry is not the recipient's. */
    Mono<InboxEntry> markRead(UUID id, String recipient) {
        return database.sql("update inbox_entry set read_at = coalesce(read_at, :at)"
                        + " where id = :id and recipient = :recipient returning *")
                .bind("at", stamp())
                .bind("id", id)
                .bind("recipient", recipient)
                .map(InboxEntries::from)
                .one();
    }

    private Instant stamp() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static InboxEntry from(io.r2dbc.spi.Readable row) {
        OffsetDateTime readAt = row.get("read_at", OffsetDateTime.class);
        return new InboxEntry(
                row.get("id", UUID.class),
                row.get("recipient", String.class),
                row.get("kind", String.class),
                row.get("subject_id", String.class),
                row.get("title", String.class),
                row.get("body", String.class),
                row.get("event_id", UUID.class),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                readAt == null ? null : readAt.toInstant(),
                row.get("delivery_id", UUID.class));
    }
}
