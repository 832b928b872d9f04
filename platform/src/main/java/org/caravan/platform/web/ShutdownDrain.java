package org.caravan.platform.web;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * A replica asked to stop keeps serving for a while before it stops accepting requests. Spring Boot turns readiness
 * to refusing traffic as soon as the context starts to close, and the gateway checks each replica's readiness every
 * second; without this pause the graceful shutdown would close the listening socket and the idle kept-alive
 * connections in the same instant, and a write the gateway had just sent on one of them would fail with nobody
 * knowing whether it was applied. Stopped before everything else (the highest phase), so the web server, the
 * consumers and the relay go on working during the pause. {@code caravan.web.shutdown-drain}: none by default (a
 * single process needs none), a few seconds in the container image, where replicas sit behind the gateway.
 */
final class ShutdownDrain implements SmartLifecycle {

    private final Duration drain;
    private volatile boolean running;

    ShutdownDrain(Duration drain) {
        this.drain = drain;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        pause();
        running = false;
    }

    @Override
    public void stop(Runnable callback) {
        if (drain.isZero() || drain.isNegative()) {
            running = false;
            callback.run();
            return;
        }
        Thread drainer = new Thread(
                () -> {
                    try {
                        stop();
                    } finally {
                        callback.run();
                    }
                },
                "caravan-shutdown-drain");
        drainer.setDaemon(true);
        drainer.start();
    }

    private void pause() {
        try {
            Thread.sleep(drain.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
