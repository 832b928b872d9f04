package org.caravan.notification.delivery;

import io.r2dbc.postgresql.codec.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.caravan.notification.message.NoticeKind;
import org.caravan.notification.recipient.Recipient;
import org.caravan.platform.EventJson;
import org.caravan.platform.scheduling.AfterCommit;
import org.caravan.platform.tracing.TracePropagation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one writer of {@code delivery} and its history {@code delivery_status}. Every change is a named
 * {@link Transition}, applied only from the status it starts from, and leaves its step in the history; each step
 * is stamped by the service's clock. It joins the caller's transaction.
 */
@Component
public class Deliveries {

    private final DatabaseClient database;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TracePropagation traces;

    Deliveries(DatabaseClient database, ApplicationEventPublisher events, Clock clock, TracePropagation traces) {
        this.database = database;
        this.events = events;
        this.clock = clock;
        this.traces = traces;
    }

    record Step(String status, Instant at, String detail) {}

    /**
     * Queues a notice for one rank of the recipient's channels, once per (event, recipient, rank): empty when it
     * was queued already. Rank 0 is the inbox copy; the channel of the others is chosen when they are sent, from
     * the preferences then. Once the transaction commits, the dispatcher hears of it. The delivery keeps the trace
     * it was queued in, so that sending it continues that trace.
     */
    public Mono<Delivery> queue(
            UUID eventId,
            String recipient,
            int rank,
            NoticeKind kind,
            String subjectId,
            Map<String, String> params,
            Instant notBefore) {
        return Mono.deferContextual(context -> queue(
                eventId,
                recipient,
                rank,
                kind,
                subjectId,
                params,
                notBefore,
                traces.traceparent(context).orElse(null)));
    }

    private Mono<Delivery> queue(
            UUID eventId,
            String recipient,
            int rank,
            NoticeKind kind,
            String subjectId,
            Map<String, String> params,
            Instant notBefore,
            String traceparent) {
        // The delivery and the first step of its history in one statement: one round trip, not two, per notice.
        GenericExecuteSpec insert = database.sql(
                        """
                        with queued as (
                          insert into delivery (event_id, recipient, rank, channel, kind, subject_id, params, urgent, status,
                            next_attempt_at, traceparent)
                          values (:event, :recipient, :rank, :channel, :kind, :subject, :params, :urgent, :status, :at,
                            :traceparent)
                          on conflict (event_id, recipient, rank) do nothing
                          returning *),
                        first_step as (
                          insert into delivery_status (delivery_id, status, at)
                          select id, :status, :stamp from queued)
                        select * from queued
                        """)
                .bind("event", eventId)
                .bind("recipient", recipient)
                .bind("rank", rank)
                .bind("kind", kind.name())
                .bind("subject", subjectId)
                .bind("params", Json.of(EventJson.write(params)))
                .bind("urgent", kind.urgent())
                .bind("status", Transition.FIRST.name())
                .bind("at", notBefore)
                .bind("stamp", stamp());
        insert = rank == 0 ? insert.bind("channel", Recipient.INBOX) : insert.bindNull("channel", String.class);
        insert = nullable(insert, "traceparent", traceparent);
        return insert.map(Delivery::from).one().flatMap(queued -> AfterCommit.run(
                        () -> events.publishEvent(DeliveryQueued.INSTANCE))
                .thenReturn(queued));
    }

    /** After a failure for good on its channel, the recipient's next preferred channel gets the notice, now. */
    Mono<Void> queueNextChannel(Delivery failed, String failedChannel) {
        return database.sql(
                        """
                        insert into delivery (event_id, recipient, rank, kind, subject_id, params, urgent, status, next_attempt_at,
                          traceparent)
                        select event_id, recipient, rank + 1, kind, subject_id, params, urgent, :status, :now, traceparent
                        from delivery where id = :id and status = :failed
                        on conflict (event_id, recipient, rank) do nothing
                        returning id
                        """)
                .bind("id", failed.id())
                .bind("status", Transition.FIRST.name())
                .bind("failed", Transition.Status.FAILED.name())
                .bind("now", clock.instant())
                .map(row -> row.get("id", UUID.class))
                .one()
                .flatMap(next -> step(next, Transition.FIRST.name(), "after " + failedChannel + " failed"));
    }

    /** Queued deliveries whose time has come, the longest waiting first. */
    Flux<UUID> due(int limit) {
        return database.sql("select id from delivery where status = :queued and next_attempt_at <= :now"
                        + " order by next_attempt_at limit :limit")
                .bind("queued", Transition.Status.QUEUED.name())
                .bind("now", clock.instant())
                .bind("limit", limit)
                .map(row -> row.get("id", UUID.class))
                .all();
    }

    /** The delivery, locked for this transaction, if it is still queued and due and no other replica holds it. */
    Mono<Delivery> take(UUID id) {
        return database.sql("select * from delivery where id = :id and status = :queued and next_attempt_at <= :now"
                        + " for update skip locked")
                .bind("id", id)
                .bind("queued", Transition.Status.QUEUED.name())
                .bind("now", clock.instant())
                .map(Delivery::from)
                .one();
    }

    /** Sent over {@code channel} (for the inbox, copied there); an error of an earlier try stays in the history. */
    public Mono<Void> sent(Delivery delivery, String channel) {
        return change(
                Transition.SEND,
                delivery.id(),
                ", channel = coalesce(:channel, channel), attempts = attempts + 1, last_error = null",
                spec -> nullable(spec, "channel", channel),
                null);
    }

    /** No channel left to try after the ones before; the inbox copy stands. */
    Mono<Void> skipped(Delivery delivery, String reason) {
        return change(Transition.SKIP, delivery.id(), ", attempts = attempts + 1", spec -> spec, reason);
    }

    /** Held back until the recipient's quiet hours end; a webhook keeps the URL it was due to go to. */
    Mono<Void> deferred(Delivery delivery, String channel, Instant until, String targetUrl) {
        return change(
                Transition.DEFER,
                delivery.id(),
                ", channel = :channel, next_attempt_at = :until, target_url = coalesce(target_url, :url)",
                spec -> nullable(spec.bind("channel", channel).bind("until", until), "url", targetUrl),
                "quiet hours until " + until);
    }

    /** A try that failed but may pass later: it stays queued until {@code next}. */
    Mono<Void> failedForNow(Delivery delivery, String channel, String error, Instant next) {
        return change(
                Transition.FAIL_FOR_NOW,
                delivery.id(),
                ", attempts = :attempts, next_attempt_at = :next, last_error = :error,"
                        + " channel = coalesce(:channel, channel)",
                spec -> nullable(
                        spec.bind("attempts", delivery.attempts() + 1)
                                .bind("next", next)
                                .bind("error", error),
                        "channel",
                        channel),
                error + "; next try at " + next);
    }

    /** A refusal, or the last try: the delivery is FAILED and operators see why. */
    public Mono<Void> failedForGood(Delivery delivery, String channel, String error) {
        return change(
                Transition.FAIL_FOR_GOOD,
                delivery.id(),
                ", attempts = :attempts, last_error = :error, channel = coalesce(:channel, channel)",
                spec -> nullable(
                        spec.bind("attempts", delivery.attempts() + 1).bind("error", error), "channel", channel),
                error);
    }

    /** A failed delivery queued again from its first try, by an operator; empty unless it had failed. */
    Mono<Delivery> retry(UUID id) {
        return database.sql("update delivery set status = :to, attempts = 0, next_attempt_at = :now"
                        + " where id = :id and status = :from returning *")
                .bind("to", Transition.RETRY.to().name())
                .bind("from", Transition.RETRY.from().name())
                .bind("now", clock.instant())
                .bind("id", id)
                .map(Delivery::from)
                .one()
                .flatMap(queued -> step(id, Transition.RETRY.step(), "retried by an operator")
                        .thenReturn(queued));
    }

    /** The recipient read the inbox copy this delivery made; a delivery that was not sent has none to read. */
    public Mono<Void> read(UUID id) {
        return database.sql(
                        """
                        insert into delivery_status (delivery_id, status, at, detail)
                        select id, :step, :at, 'read in the inbox' from delivery where id = :id and status = :from
                        """)
                .bind("id", id)
                .bind("step", Transition.READ.step())
                .bind("from", Transition.READ.from().name())
                .bind("at", stamp())
                .then();
    }

    /**
     * The webhook URL this delivery goes to: the one it was first tried at, or else {@code url}, kept from now on.
     * Empty when there is neither.
     */
    Mono<String> keepTarget(UUID id, String url) {
        return nullable(
                        database.sql("update delivery set target_url = coalesce(target_url, :url) where id = :id"
                                        + " returning target_url")
                                .bind("id", id),
                        "url",
                        url)
                .map(row -> Optional.ofNullable(row.get("target_url", String.class)))
                .one()
                .flatMap(Mono::justOrEmpty);
    }

    Mono<Delivery> find(UUID id) {
        return database.sql("select * from delivery where id = :id")
                .bind("id", id)
                .map(Delivery::from)
                .one();
    }

    Mono<Boolean> exists(UUID id) {
        return database.sql("select 1 from delivery where id = :id")
                .bind("id", id)
                .map(row -> true)
                .one()
                .defaultIfEmpty(false);
    }

    /** Newest first, of one status or all, to one recipient or to all. */
    Flux<Delivery> page(String status, String recipient, int page, int size) {
        GenericExecuteSpec select = database.sql("select * from delivery"
                        + " where (cast(:status as text) is null or status = :status)"
                        + " and (cast(:recipient as text) is null or recipient = :recipient)"
                        + " order by created_at desc, id limit :size offset :offset")
                .bind("size", size)
                .bind("offset", (long) page * size);
        return nullable(nullable(select, "status", status), "recipient", recipient)
                .map(Delivery::from)
                .all();
    }

    Flux<Step> history(UUID id) {
        return database.sql("select status, at, detail from delivery_status where delivery_id = :id order by id")
                .bind("id", id)
                .map(row -> new Step(
                        row.get("status", String.class),
                        row.get("at", OffsetDateTime.class).toInstant(),
                        row.get("detail", String.class)))
                .all();
    }

    private Mono<Void> change(
            Transition transition,
            UUID id,
            String assignments,
            UnaryOperator<GenericExecuteSpec> binds,
            String detail) {
        // The change and its step in the history in one statement; no step when the delivery was not in :from.
        GenericExecuteSpec update = database.sql("with changed as (update delivery set status = :to" + assignments
                        + " where id = :id and status = :from returning id)"
                        + " insert into delivery_status (delivery_id, status, at, detail)"
                        + " select id, :step, :stamp, :detail from changed")
                .bind("to", transition.to().name())
                .bind("from", transition.from().name())
                .bind("id", id)
                .bind("step", transition.step())
                .bind("stamp", stamp());
        return nullable(binds.apply(update), "detail", detail)
                .fetch()
                .rowsUpdated()
                .flatMap(rows -> rows == 1
                        ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("Delivery " + id + " is not " + transition.from()
                                + ", so it cannot be " + transition.name())));
    }

    private Mono<Void> step(UUID id, String step, String detail) {
        return nullable(
                        database.sql("insert into delivery_status (delivery_id, status, at, detail)"
                                        + " values (:id, :status, :at, :detail)")
                                .bind("id", id)
                                .bind("status", step)
                                .bind("at", stamp()),
                        "detail",
                        detail)
                .then();
    }

    private Instant stamp() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }
}
