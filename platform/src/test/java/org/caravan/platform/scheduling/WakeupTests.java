package org.caravan.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WakeupTests {

    @Test
    void aBurstOfAsksWhileAPassRunsCostsOneMorePassNotOneEach() throws Exception {
        AtomicInteger passes = new AtomicInteger();
        CountDownLatch firstPassStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Wakeup wakeup = new Wakeup("test-wakeup", () -> {
            passes.incrementAndGet();
            firstPassStarted.countDown();
            awaitQuietly(release);
        })) {
            wakeup.now();
            assertThat(firstPassStarted.await(5, TimeUnit.SECONDS)).isTrue();
            for (int ask = 0; ask < 1_000; ask++) {
                wakeup.now();
            }
            release.countDown();

            await().atMost(Duration.ofSeconds(5)).until(() -> passes.get() == 2);
            await().during(Duration.ofMillis(300)).until(() -> passes.get() == 2);
        }
    }

    @Test
    void anAskAfterAPassHasStartedIsAnsweredByAnotherPass() {
        AtomicInteger seen = new AtomicInteger();
        AtomicInteger written = new AtomicInteger();
        try (Wakeup wakeup = new Wakeup("test-wakeup", () -> seen.set(written.get()))) {
            for (int value = 1; value <= 200; value++) {
                written.set(value);
                wakeup.now();
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.get() == 200);
        }
    }

    @Test
    void aClosedWakeupIgnoresAsks() {
        AtomicInteger passes = new AtomicInteger();
        Wakeup wakeup = new Wakeup("test-wakeup", passes::incrementAndGet);
        wakeup.close();

        wakeup.now();

        await().during(Duration.ofMillis(200)).until(() -> passes.get() == 0);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
