package org.caravan.platform.messaging;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Where a service gets its idempotent consumers: {@code consumers.named("notification").on(...).build()}. */
public class EventConsumers {

    private final DatabaseClient database;
    private final TransactionalOperator transactions;

    public EventConsumers(DatabaseClient database, TransactionalOperator transactions) {
        this.database = database;
        this.transactions = transactions;
    }

    /** The name is recorded with every processed event; keep it stable, like a consumer group. */
    public IdempotentConsumer.Builder named(String consumerName) {
        return new IdempotentConsumer.Builder(consumerName, database, transactions);
    }
}
