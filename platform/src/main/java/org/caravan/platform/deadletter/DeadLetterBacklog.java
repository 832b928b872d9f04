package org.caravan.platform.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.caravan.platform.scheduling.Wakeup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The dead letters that wait for an operator, as gauges to alert on: how many, and how long the oldest has waited
 * by the service's clock (the one that stamped it). Measured on a schedule and after every capture and decision,
 * never at scrape time, so a scrape never waits on the database; every replica reports the same numbers.
 */
class DeadLetterBacklog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterBacklog.class);

    private final DeadLetters deadLetters;
    private final Clock clock;
    private final Duration interval;
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private volatile ScheduledExecutorService scheduler;
    private volatile Wakeup wakeup;

    DeadLetterBacklog(DeadLetters deadLetters, Clock clock, Duration interval, MeterRegistry meters) {
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.interval = interval;
        Gauge.builder("caravan.dead.letters.waiting", waiting, AtomicLong::get)
                .description("Records this service's consumers dead-lettered that wait for an operator")
                .register(meters);
        TimeGauge.builder("caravan.dead.letters.oldest.age", oldestAgeMillis, TimeUnit.MILLISECONDS, AtomicLong::get)
                .description("How long the oldest waiting dead letter has waited; 0 when none waits")
                .register(meters);
    }

    void measure() {
        DeadLetters.Backlog backlog = deadLetters.backlog().block(Duration.ofSeconds(30));
        if (backlog == null) {
            return;
        }
        waiting.set(backlog.waiting());
        oldestAgeMillis.set(
                backlog.oldest() == null
                        ? 0
                        : Math.max(
                                0,
                                Duration.between(backlog.oldest(), clock.instant())
                                        .toMillis()));
    }

    /** A measure soon, off the caller's thread. */
    void measureSoon() {
        Wakeup current = wakeup;
        if (current != null) {
            current.now();
        }
    }

    private void measureLogged() {
        try {
            measure();
        } catch (RuntimeException e) {
            log.warn("Measuring the dead letters failed; the next pass retries", e);
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        wakeup = new Wakeup("dead-letter-backlog", this::measureLogged);
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dead-letter-backlog-schedule");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(wakeup::now, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        if (wakeup != null) {
            wakeup.close();
            wakeup = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
