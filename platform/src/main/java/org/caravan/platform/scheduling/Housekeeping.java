package org.caravan.platform.scheduling;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Deletes, once an hour, the rows the platform keeps only for a while (sent outbox events, consumers' claims on
 * events). Every replica runs it: a delete done twice deletes nothing the second time.
 */
public final class Housekeeping implements SmartLifecycle {

    /** One deletion, counting the rows it removed. */
    public record Chore(String name, Supplier<Mono<Long>> pass) {}

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final List<Chore> chores;
    private volatile ScheduledExecutorService scheduler;

    public Housekeeping(List<Chore> chores) {
        this.chores = List.copyOf(chores);
    }

    /**
     * Rows of {@code table} whose {@code timestamp} column is older than {@code retention} at each pass. Those
     * columns are bookkeeping stamped by the database, so its clock decides, not the services' (which tests shift).
     */
    public static Chore deleteOlderThan(DatabaseClient database, String table, String timestamp, Duration retention) {
        return new Chore(
                "Deleting " + table + " rows older than " + retention,
                () -> Mono.defer(() -> database.sql("delete from " + table + " where " + timestamp
                                + " < now() - make_interval(secs => :seconds)")
                        .bind("seconds", (double) retention.toSeconds())
                        .fetch()
                        .rowsUpdated()));
    }

    /** One pass of every chore; returns the rows removed. */
    public long runNow() {
        return chores.stream()
                .mapToLong(chore -> Sweeps.run(chore.name(), chore.pass().get()))
                .sum();
    }

    /** A pass that throws would end the schedule for good; log it and leave the work to the next hour. */
    private void runLogged() {
        try {
            runNow();
        } catch (RuntimeException e) {
            log.warn("Housekeeping pass failed; the next one retries", e);
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::runLogged, 1, 60, TimeUnit.MINUTES);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
