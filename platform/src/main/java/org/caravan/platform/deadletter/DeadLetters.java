package org.caravan.platform.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.caravan.platform.deadletter.DeadLetter.Status;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one writer of {@code dead_letter} and {@code dead_letter_capture}. A dead letter is captured once per record
 * of a dead-letter topic, waits, and leaves WAITING by one of two named changes, each only from WAITING: replayed or
 * discarded, with who and when (and why, for a discard). Times are the service's clock.
 */
public class DeadLetters {

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final Clock clock;

    DeadLetters(DatabaseClient database, TransactionalOperator transactions, Clock clock) {
        this.database = database;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** How many wait, and since when the oldest has waited (null when none does). */
    record Backlog(long waiting, Instant oldest) {}

    /**
     * Records a dead-letter record, once: read again, it changes nothing. The same event (by its CloudEvents id, or
     * the same original record when it has none) dead-lettered again while a dead letter of it waits counts on
     * that one, with the latest failure; otherwise it waits as a new one. Emits whether anything changed.
     */
    Mono<Boolean> capture(CapturedRecord record) {
        UUID id = UUID.randomUUID();
        Instant now = stamp();
        Mono<Boolean> capture = database.sql(
                        """
                        insert into dead_letter_capture (dlq_topic, dlq_partition, dlq_offset, dead_letter_id)
                        values (:topic, :partition, :offset, :id) on conflict do nothing
                        """)
                .bind("topic", record.dlqTopic())
                .bind("partition", record.dlqPartition())
                .bind("offset", record.dlqOffset())
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .flatMap(rows -> rows == 0
                        ? Mono.just(false)
                        : countOnWaiting(record, now)
                                .flatMap(waiting ->
                                        pointCaptureAt(record, waiting).thenReturn(true))
                                .switchIfEmpty(
                                        Mono.defer(() -> insert(id, record, now).thenReturn(true))));
        return transactions.transactional(capture);
    }

    private Mono<UUID> countOnWaiting(CapturedRecord record, Instant now) {
        String sameRecord = record.eventId() != null
                ? "event_id = :event"
                : "event_id is null and original_topic = :original and original_partition = :originalPartition"
                        + " and original_offset = :originalOffset";
        GenericExecuteSpec update = database.sql(
                        "update dead_letter set times = times + 1, last_dead_lettered_at = :now,"
                                + " exception_class = :exceptionClass, exception_message = :exceptionMessage,"
                                + " exception_stacktrace = :stacktrace where dlq_topic = :topic and status = :waiting and "
                                + sameRecord + " returning id")
                .bind("now", now)
                .bind("topic", record.dlqTopic())
                .bind("waiting", Status.WAITING.name());
        update = nullable(update, "exceptionClass", record.exceptionClass());
        update = nullable(update, "exceptionMessage", record.exceptionMessage());
        update = nullable(update, "stacktrace", record.exceptionStackTrace());
        if (record.eventId() != null) {
            update = update.bind("event", record.eventId());
        } else if (record.originalPartition() == null || record.originalOffset() == null) {
            return Mono.empty();
        } else {
            update = update.bind("original", record.originalTopic())
                    .bind("originalPartition", record.originalPartition())
                    .bind("originalOffset", record.originalOffset());
        }
        return update.map(row -> row.get("id", UUID.class)).one();
    }

    private Mono<Void> pointCaptureAt(CapturedRecord record, UUID waiting) {
        return database.sql("update dead_letter_capture set dead_letter_id = :id"
                        + " where dlq_topic = :topic and dlq_partition = :partition and dlq_offset = :offset")
                .bind("id", waiting)
                .bind("topic", record.dlqTopic())
                .bind("partition", record.dlqPartition())
                .bind("offset", record.dlqOffset())
                .then();
    }

    private Mono<Void> insert(UUID id, CapturedRecord record, Instant now) {
        GenericExecuteSpec insert = database.sql(
                        """
                        insert into dead_letter (id, dlq_topic, dlq_partition, dlq_offset, original_topic,
                          original_partition, original_offset, event_id, event_type, record_key, record_value, headers,
                          exception_class, exception_message, exception_stacktrace, dead_lettered_at,
                          last_dead_lettered_at, times, status)
                        values (:id, :topic, :partition, :offset, :original, :originalPartition, :originalOffset,
                          :event, :type, :key, :value, :headers, :exceptionClass, :exceptionMessage, :stacktrace,
                          :now, :now, 1, :waiting)
                        """)
                .bind("id", id)
                .bind("topic", record.dlqTopic())
                .bind("partition", record.dlqPartition())
                .bind("offset", record.dlqOffset())
                .bind("original", record.originalTopic())
                .bind("headers", DeadLetter.headersJson(record.headers()))
                .bind("now", now)
                .bind("waiting", Status.WAITING.name());
        insert = record.originalPartition() == null
                ? insert.bindNull("originalPartition", Integer.class)
                : insert.bind("originalPartition", record.originalPartition());
        insert = record.originalOffset() == null
                ? insert.bindNull("originalOffset", Long.class)
                : insert.bind("originalOffset", record.originalOffset());
        insert = nullable(insert, "event", record.eventId());
        insert = nullable(insert, "type", record.eventType());
        insert = bytes(insert, "key", record.key());
        insert = bytes(insert, "value", record.value());
        insert = nullable(insert, "exceptionClass", record.exceptionClass());
        insert = nullable(insert, "exceptionMessage", record.exceptionMessage());
        insert = nullable(insert, "stacktrace", record.exceptionStackTrace());
        return insert.then();
    }

    /** Newest first, of one status or all, of one record key (its UTF-8 bytes) or all. */
    Flux<DeadLetter> page(Status status, String key, int page, int size) {
        GenericExecuteSpec select = database.sql("select * from dead_letter"
                        + " where (cast(:status as text) is null or status = :status)"
                        + " and (cast(:key as bytea) is null or record_key = :key)"
                        + " order by dead_lettered_at desc, id limit :size offset :offset")
                .bind("size", size)
                .bind("offset", (long) page * size);
        select = bytes(select, "key", key == null ? null : key.getBytes(StandardCharsets.UTF_8));
        return nullable(select, "status", status == null ? null : status.name())
                .map(DeadLetter::from)
                .all();
    }

    Mono<DeadLetter> find(UUID id) {
        return database.sql("select * from dead_letter where id = :id")
                .bind("id", id)
                .map(DeadLetter::from)
                .one();
    }

    /** Sent back to its topic by {@code operator}; empty unless it waited. Locks the row for the transaction. */
    Mono<DeadLetter> replayed(UUID id, String operator) {
        return resolve(id, Status.REPLAYED, operator, null);
    }

    /** Put aside by {@code operator} for {@code reason}; empty unless it waited. */
    Mono<DeadLetter> discarded(UUID id, String operator, String reason) {
        return resolve(id, Status.DISCARDED, operator, reason);
    }

    Mono<Backlog> backlog() {
        return database.sql("select count(*) as waiting, min(dead_lettered_at) as oldest from dead_letter"
                        + " where status = :waiting")
                .bind("waiting", Status.WAITING.name())
                .map(row -> new Backlog(
                        row.get("waiting", Long.class),
                        row.get("oldest", java.time.OffsetDateTime.class) == null
                                ? null
                                : row.get("oldest", java.time.OffsetDateTime.class)
                                        .toInstant()))
                .one();
    }

    private Mono<DeadLetter> resolve(UUID id, Status to, String operator, String reason) {
        return nullable(
                        database.sql("update dead_letter set status = :to, resolved_at = :now, resolved_by = :by,"
                                        + " reason = :reason where id = :id and status = :waiting returning *")
                                .bind("to", to.name())
                                .bind("now", stamp())
                                .bind("by", operator)
                                .bind("id", id)
                                .bind("waiting", Status.WAITING.name()),
                        "reason",
                        reason)
                .map(DeadLetter::from)
                .one();
    }

    private Instant stamp() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    private static GenericExecuteSpec bytes(GenericExecuteSpec spec, String name, byte[] value) {
        return value == null
                ? spec.bindNull(name, java.nio.ByteBuffer.class)
                : spec.bind(name, java.nio.ByteBuffer.wrap(value));
    }
}
