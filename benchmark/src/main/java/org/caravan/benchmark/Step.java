package org.caravan.benchmark;

import java.util.Map;

/**
 * One load level held for a while: what was offered, what got through, how long it took end to end (accept
 * sent to notice stored) and for the accept's answer, what failed, and the CPU each process used (% of a core).
 */
record Step(
        String configuration,
        double offeredPerSecond,
        double achievedPerSecond,
        Latencies endToEnd,
        Latencies response,
        int errors,
        int missing,
        Map<String, Double> cpuPercent) {

    static final double P99_LIMIT_MILLIS = 100;

    /** Kept up with: every accept answered and told, nearly at the offered rate, and p99 within the limit. */
    boolean sustained() {
        return errors == 0
                && missing == 0
                && achievedPerSecond >= 0.9 * offeredPerSecond
                && endToEnd.p99() <= P99_LIMIT_MILLIS;
    }
}
