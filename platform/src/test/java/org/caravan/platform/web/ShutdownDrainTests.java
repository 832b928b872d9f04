package org.caravan.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;

class ShutdownDrainTests {

    private static final Duration DRAIN = Duration.ofMillis(300);

    @Test
    void stopsBeforeTheWebServerBeginsItsGracefulShutdown() {
        assertThat(new ShutdownDrain(DRAIN).getPhase())
                .isGreaterThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
    }

    @Test
    void letsTheNextPhasesStopOnlyAfterTheDrain() throws InterruptedException {
        ShutdownDrain drain = new ShutdownDrain(DRAIN);
        drain.start();
        CountDownLatch stopped = new CountDownLatch(1);
        long asked = System.nanoTime();

        drain.stop(stopped::countDown);

        assertThat(drain.isRunning()).as("still draining").isTrue();
        assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isGreaterThanOrEqualTo(DRAIN);
        assertThat(drain.isRunning()).isFalse();
    }

    @Test
    void withoutADrainStopsAtOnce() {
        ShutdownDrain drain = new ShutdownDrain(Duration.ZERO);
        drain.start();
        boolean[] stopped = {false};

        drain.stop(() -> stopped[0] = true);

        assertThat(stopped[0]).isTrue();
        assertThat(drain.isRunning()).isFalse();
    }
}
