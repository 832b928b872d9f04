package org.caravan.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * What the relay has not published yet, as gauges an operator can alert on: a stuck relay (Kafka away, lock never
 * released) shows as an oldest pending event growing older, whatever the traffic. Measured on the relay's own
 * schedule rather than at scrape time, so that a scrape never waits on the database.
 */
final class OutboxBacklog {

    private final DatabaseClient database;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();

    OutboxBacklog(DatabaseClient database, MeterRegistry meters) {
        this.database = database;
        Gauge.builder("caravan.outbox.pending", pending, AtomicLong::get)
                .description("Events recorded in the outbox and not yet published to Kafka")
                .register(meters);
        TimeGauge.builder("caravan.outbox.oldest.pending.age", oldestAgeMillis, TimeUnit.MILLISECONDS, AtomicLong::get)
                .description("How long the oldest unpublished outbox event has waited; 0 when none waits")
                .register(meters);
    }

    void measure() {
        database.sql(
                        """
                        select count(*) as pending,
                               coalesce(extract(epoch from now() - min(occurred_at)) * 1000, 0)::bigint as oldest
                        from outbox_event where published_at is null
                        """)
                .map(row -> {
                    pending.set(row.get("pending", Long.class));
                    oldestAgeMillis.set(Math.max(0, row.get("oldest", Long.class)));
                    return true;
                })
                .one()
                .block(Duration.ofSeconds(30));
    }
}
