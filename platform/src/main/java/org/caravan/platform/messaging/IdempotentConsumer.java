package org.caravan.platform.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.caravan.contracts.CaravanEvent;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A Spring Cloud Stream consumer that applies each event once. The event id is claimed in
 * {@code processed_event} in the same transaction as the handler's effects, so a redelivery finds it
 * claimed and changes nothing. The consumer is imperative (it waits for the reactive work) so that the
 * binder's retries and dead-letter topic apply to failures.
 */
public final class IdempotentConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);
    private static final Duration HANDLING_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Map<EventType<?>, EventHandler<?>> handlers;
    private final DatabaseClient database;
    private final TransactionalOperator transactions;

    IdempotentConsumer(
            String name,
            Map<EventType<?>, EventHandler<?>> handlers,
            DatabaseClient database,
            TransactionalOperator transactions) {
        this.name = name;
        this.handlers = Map.copyOf(handlers);
        this.database = database;
        this.transactions = transactions;
    }

    @Override
    public void accept(Message<byte[]> message) {
        Optional<IncomingEvent<?>> read = IncomingEventReader.read(message);
        read.filter(event -> handlers.containsKey(event.type())).ifPresent(this::apply);
    }

    /**
     * Runs on the binder's listener thread inside its consumer observation, whose span continues the record's
     * traceparent and names the trace in the log's MDC; contextCapture hands that observation to the handler's
     * Reactor chain, so the events it writes to the outbox stay in the same trace.
     */
    private void apply(IncomingEvent<?> event) {
        boolean applied = transactions
                .transactional(
                        claim(event).flatMap(first -> first ? handle(event).thenReturn(true) : Mono.just(false)))
                .contextCapture()
                .block(HANDLING_TIMEOUT);
        log.info(
                "{} {} {} for {}",
                name,
                applied ? "applied" : "skipped repeated",
                event.type().name(),
                event.subject());
    }

    private Mono<Boolean> claim(IncomingEvent<?> event) {
        return database.sql(
                        """
                        insert into processed_event (consumer, event_id, event_type) values (:consumer, :eventId, :type)
                        on conflict do nothing
                        """)
                .bind("consumer", name)
                .bind("eventId", event.id())
                .bind("type", event.type().name())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Mono<Void> handle(IncomingEvent<?> event) {
        EventHandler handler = handlers.get(event.type());
        return handler.handle(event);
    }

    /** Builds a consumer for one consumer group and the event types it cares about; others are skipped. */
    public static final class Builder {

        private final String name;
        private final DatabaseClient database;
        private final TransactionalOperator transactions;
        private final Map<EventType<?>, EventHandler<?>> handlers = new java.util.LinkedHashMap<>();

        Builder(String name, DatabaseClient database, TransactionalOperator transactions) {
            this.name = name;
            this.database = database;
            this.transactions = transactions;
        }

        public <E extends CaravanEvent> Builder on(EventType<E> type, EventHandler<E> handler) {
            handlers.put(type, handler);
            return this;
        }

        /**
         * The same handler for every cataloged event whose record belongs to {@code family}, e.g. every
         * {@code VisitEvent}: read models that take in the whole aggregate from each of its events.
         */
        public <F extends CaravanEvent> Builder onEvery(Class<F> family, EventHandler<F> handler) {
            EventCatalog.all().stream()
                    .filter(type -> family.isAssignableFrom(type.payloadType()))
                    .forEach(type -> handlers.put(type, handler));
            return this;
        }

        public IdempotentConsumer build() {
            return new IdempotentConsumer(name, handlers, database, transactions);
        }
    }
}
