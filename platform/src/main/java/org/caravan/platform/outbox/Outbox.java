package org.caravan.platform.outbox;

import io.r2dbc.postgresql.codec.Json;
import java.util.UUID;
import org.caravan.contracts.CaravanEvent;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.EventType;
import org.caravan.platform.EventJson;
import org.caravan.platform.scheduling.AfterCommit;
import org.caravan.platform.tracing.TracePropagation;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Records events in the publisher's own database, inside the transaction of the state change that caused
 * them: both commit or neither does. The {@link OutboxRelay} publishes them afterwards.
 */
public class Outbox {

    private final DatabaseClient database;
    private final TracePropagation traces;
    private final Runnable committed;

    /** {@code committed} runs after each transaction that appended events commits: the relay's wake-up call. */
    public Outbox(DatabaseClient database, TracePropagation traces, Runnable committed) {
        this.database = database;
        this.traces = traces;
        this.committed = committed;
    }

    /** Fails unless called inside a transaction: an event outside one could outlive a rolled-back change. */
    public Mono<Void> append(CaravanEvent event) {
        EventType<?> type = EventCatalog.of(event.getClass());
        return TransactionSynchronizationManager.forCurrentTransaction()
                .filter(TransactionSynchronizationManager::isActualTransactionActive)
                .switchIfEmpty(Mono.error(
                        new IllegalStateException("Outbox.append must run inside the transaction of the state change")))
                .onErrorMap(
                        org.springframework.transaction.NoTransactionException.class,
                        e -> new IllegalStateException(
                                "Outbox.append must run inside the transaction of the state change", e))
                .then(Mono.deferContextual(context ->
                        insert(event, type, traces.traceparent(context).orElse(null))))
                .then(AfterCommit.run(committed));
    }

    /** The row keeps the trace it was written in, as a traceparent the relay continues. */
    private Mono<Void> insert(CaravanEvent event, EventType<?> type, String traceparent) {
        DatabaseClient.GenericExecuteSpec insert = database.sql(
                        """
                        insert into outbox_event
                          (event_id, aggregate_type, aggregate_id, event_type, topic, payload, traceparent, trace_id)
                        values (:eventId, :aggregateType, :aggregateId, :eventType, :topic, :payload, :traceparent,
                          split_part(:traceparent, '-', 2))
                        """)
                .bind("eventId", UUID.randomUUID())
                .bind("aggregateType", type.topic().aggregateType())
                .bind("aggregateId", event.aggregateId())
                .bind("eventType", type.name())
                .bind("topic", type.topic().name())
                .bind("payload", Json.of(EventJson.write(event)));
        insert = traceparent == null
                ? insert.bindNull("traceparent", String.class)
                : insert.bind("traceparent", traceparent);
        return insert.then();
    }
}
