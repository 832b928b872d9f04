package org.caravan.platform.scheduling;

import java.time.Duration;
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

    private Sweeps() {}

    /** Runs the pass, which counts what it did; returns the count, 0 when it failed. */
    public static long run(String job, Mono<Long> pass) {
        Long done = pass.onErrorResume(e -> {
                    log.warn("{} failed; the next pass retries", job, e);
                    return Mono.just(0L);
                })
                .block(LONGEST_PASS);
        if (done != null && done > 0) {
            log.debug("{}: {} done", job, done);
        }
        return done == null ? 0 : done;
    }
}
