package org.caravan.platform.scheduling;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One pass of a periodic job (expired offers, due reminders, deliveries...), called from a {@code @Scheduled}
 * method: it waits for the pass, so passes never overlap, and a failed pass is logged and left to the next one.
 */
public final class Sweeps {

    private static final Logger log = LoggerFactory.getLogger(Sweeps.class);
    private static final Duration LONGEST_PASS = Duration.ofMinutes(5);

    private static final Map<String, AtomicLong> FINISHED = new ConcurrentHashMap<>();

    private Sweeps() {}

    /** Runs the pass, which counts what it did; returns the count, 0 when it failed. */
    public static long run(String job, Mono<Long> pass) {
        Long done;
        try {
            done = pass.onErrorResume(e -> {
                        log.warn("{} failed; the next pass retries", job, e);
                        return Mono.just(0L);
                    })
                    .block(LONGEST_PASS);
        } finally {
            FINISHED.computeIfAbsent(job, name -> new AtomicLong()).incrementAndGet();
        }
        if (done != null && done > 0) {
            log.debug("{}: {} done", job, done);
        }
        return done == null ? 0 : done;
    }

    /**
     * How many passes of {@code job} have ended in this process, failed ones included. Two more than at some
     * moment means one pass ran wholly after it: what "the job has looked again and done nothing" waits for.
     */
    public static long finishedPasses(String job) {
        AtomicLong finished = FINISHED.get(job);
        return finished == null ? 0 : finished.get();
    }
}
