package org.caravan.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.r2dbc.postgresql.codec.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.caravan.platform.messaging.CloudEventHeaders;
import org.caravan.platform.scheduling.Wakeup;
import org.caravan.platform.tracing.TracePropagation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Publishes outbox rows to Kafka, oldest first, and stamps them sent in the same transaction that read them.
 * A transaction-scoped advisory lock lets only one replica relay at a time, which keeps events of one
 * aggregate in order. A crash between the send and the commit republishes the batch: delivery is
 * at-least-once and consumers drop repeats by event id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x0CA7A7A9L;

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final String source;
    private final Counter published;
    private final OutboxBacklog backlog;
    private final TracePropagation traces;
    private volatile ScheduledExecutorService scheduler;
    private volatile Wakeup wakeup;

    public OutboxRelay(
            DatabaseClient database,
            TransactionalOperator transactions,
            KafkaTemplate<String, byte[]> kafka,
            OutboxProperties properties,
            String source,
            MeterRegistry meters,
            TracePropagation traces) {
        this.database = database;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
        this.source = source;
        this.published = Counter.builder("caravan.outbox.published")
                .description("Events the relay published to Kafka")
                .register(meters);
        this.backlog = new OutboxBacklog(database, meters);
        this.traces = traces;
    }

    /** Publishes until nothing is pending; returns how many events went out. */
    public int drain() {
        int total = 0;
        int sent;
        do {
            sent = relayBatch().blockOptional(Duration.ofMinutes(1)).orElse(0);
            total += sent;
        } while (sent == properties.batchSize());
        return total;
    }

    Mono<Integer> relayBatch() {
        return transactions.transactional(database.sql("select pg_try_advisory_xact_lock(:lock) as locked")
                .bind("lock", RELAY_LOCK)
                .map(row -> Boolean.TRUE.equals(row.get("locked", Boolean.class)))
                .one()
                .flatMap(locked -> locked ? publishPending() : Mono.just(0)));
    }

    private Mono<Integer> publishPending() {
        return database.sql(
                        """
                        select sequence, event_id, aggregate_id, event_type, topic, payload, traceparent, occurred_at
                        from outbox_event where published_at is null order by sequence limit :limit
                        """)
                .bind("limit", properties.batchSize())
                .map(row -> new PendingEvent(
                        row.get("sequence", Long.class),
                        row.get("event_id", UUID.class),
                        row.get("aggregate_id", String.class),
                        row.get("event_type", String.class),
                        row.get("topic", String.class),
                        row.get("payload", Json.class).asString(),
                        row.get("traceparent", String.class),
                        row.get("occurred_at", OffsetDateTime.class).toInstant()))
                .all()
                .collectList()
                .flatMap(this::publish);
    }

    private Mono<Integer> publish(List<PendingEvent> batch) {
        if (batch.isEmpty()) {
            return Mono.just(0);
        }
        // All sends are handed to the producer before waiting: it keeps their order per partition.
        CompletableFuture<?>[] sends = batch.stream().map(this::send).toArray(CompletableFuture[]::new);
        Long[] sequences = batch.stream().map(PendingEvent::sequence).toArray(Long[]::new);
        return Mono.fromFuture(CompletableFuture.allOf(sends))
                .then(database.sql("update outbox_event set published_at = now() where sequence = any(:sequences)")
                        .bind("sequences", sequences)
                        .then())
                .doOnSuccess(done -> published.increment(batch.size()))
                .thenReturn(batch.size());
    }

    /** Each send is a producer span in the trace that wrote the row; the record carries it to the consumer. */
    private CompletableFuture<?> send(PendingEvent event) {
        Span span = traces.continueFrom(event.traceparent(), "publish " + event.topic(), Span.Kind.PRODUCER)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", event.topic())
                .tag("messaging.message.id", event.eventId().toString())
                .tag("caravan.event.type", event.eventType());
        var record = record(event);
        traces.inject(span, record, (carrier, name, value) -> {
            carrier.headers().remove(name);
            header(carrier, name, value);
        });
        return kafka.send(record).whenComplete((result, failure) -> {
            if (failure != null) {
                span.error(failure);
            }
            span.end();
        });
    }

    private ProducerRecord<String, byte[]> record(PendingEvent event) {
        var record = new ProducerRecord<>(
                event.topic(), event.aggregateId(), event.payload().getBytes(StandardCharsets.UTF_8));
        header(record, CloudEventHeaders.ID, event.eventId().toString());
        header(record, CloudEventHeaders.SOURCE, source);
        header(record, CloudEventHeaders.TYPE, event.eventType());
        header(record, CloudEventHeaders.SUBJECT, event.aggregateId());
        header(
                record,
                CloudEventHeaders.TIME,
                event.occurredAt().atOffset(ZoneOffset.UTC).toString());
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        wakeup = new Wakeup("outbox-relay", this::drainLogged);
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay-poll");
            thread.setDaemon(true);
            return thread;
        });
        // Polling finds what another replica committed, or what a crash left; this replica's commits wake it.
        long interval = properties.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(wakeup::now, 0, interval, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::measureBacklogLogged, 0, 15, TimeUnit.SECONDS);
    }

    /** Events were committed here: relay them now rather than at the next poll. */
    public void wakeUp() {
        Wakeup current = wakeup;
        if (current != null) {
            current.now();
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        wakeup.close();
        scheduler = null;
        wakeup = null;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    private void drainLogged() {
        try {
            drain();
        } catch (RuntimeException e) {
            // Rows stay pending and the next poll tries again: nothing is lost while Kafka or the database is away.
            log.warn("Outbox relay could not publish; will retry: {}", e.toString());
        }
    }

    /** Updates the backlog gauges now; the relay also does so every 15 seconds while it runs. */
    void measureBacklog() {
        backlog.measure();
    }

    private void measureBacklogLogged() {
        try {
            measureBacklog();
        } catch (RuntimeException e) {
            log.warn("Could not measure the outbox backlog: {}", e.toString());
        }
    }
}
