package org.caravan.notification.notice;

import io.r2dbc.postgresql.codec.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.caravan.platform.EventJson;
import org.caravan.platform.scheduling.AfterCommit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Queues a notice for delivery, inside the consumer's transaction: an inbox copy and the recipient's first
 * preferred channel, each once per (event, recipient), whatever the number of times the event arrives. Once the
 * transaction commits, {@link NoticeQueued} tells the dispatcher, so the notice goes out at once.
 */
@Component
public class Notices {

    private final Clock clock;

    private final DatabaseClient database;
    private final ApplicationEventPublisher events;

    Notices(DatabaseClient database, ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.database = database;
        this.events = events;
    }

    public Mono<Void> queue(UUID eventId, Notice notice) {
        return queue(eventId, notice, clock.instant());
    }

    /** Queues the notice to go at {@code notBefore} (quiet hours may put it later still). */
    public Mono<Void> queue(UUID eventId, Notice notice, Instant notBefore) {
        return insert(eventId, notice, 0, notBefore)
                .then(insert(eventId, notice, 1, notBefore))
                .then(AfterCommit.run(() -> events.publishEvent(NoticeQueued.INSTANCE)));
    }

    private Mono<Void> insert(UUID eventId, Notice notice, int rank, Instant notBefore) {
        DatabaseClient.GenericExecuteSpec insert = database.sql(
                        """
                        insert into delivery (event_id, recipient, rank, channel, kind, subject_id, params, urgent, status,
                          next_attempt_at)
                        values (:event, :recipient, :rank, :channel, :kind, :subject, :params, :urgent, 'QUEUED', :at)
                        on conflict (event_id, recipient, rank) do nothing
                        returning id
                        """)
                .bind("event", eventId)
                .bind("recipient", notice.recipient())
                .bind("rank", rank)
                .bind("kind", notice.kind().name())
                .bind("subject", notice.subjectId())
                .bind("params", Json.of(EventJson.write(notice.params())))
                .bind("urgent", notice.kind().urgent())
                .bind("at", notBefore);
        // The inbox copy's channel is known now; others are chosen when sent, from the preferences then.
        insert = rank == 0 ? insert.bind("channel", "INBOX") : insert.bindNull("channel", String.class);
        return insert.map(row -> row.get("id", UUID.class)).one().flatMap(id -> database.sql(
                        "insert into delivery_status (delivery_id, status) values (:id, 'QUEUED')")
                .bind("id", id)
                .then());
    }
}
