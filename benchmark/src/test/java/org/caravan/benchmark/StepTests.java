package org.caravan.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StepTests {

    private static final Latencies FAST = new Latencies(100, 10, 20, 40, 60);
    private static final Latencies SLOW = new Latencies(100, 30, 80, 140, 300);

    @Test
    void aStepIsSustainedWhenEveryAcceptIsToldInTimeAtNearlyTheOfferedRate() {
        assertThat(step(100, 95, FAST, 0, 0).sustained()).isTrue();
    }

    @Test
    void aStepIsNotSustainedWhenP99PassesTheLimitOrAnythingFailsOrFallsBehind() {
        assertThat(step(100, 100, SLOW, 0, 0).sustained()).isFalse();
        assertThat(step(100, 100, FAST, 1, 0).sustained()).isFalse();
        assertThat(step(100, 100, FAST, 0, 1).sustained()).isFalse();
        assertThat(step(100, 80, FAST, 0, 0).sustained()).isFalse();
    }

    private static Step step(double offered, double achieved, Latencies latencies, int errors, int missing) {
        return new Step("test", offered, achieved, latencies, latencies, errors, missing, Map.of());
    }
}
