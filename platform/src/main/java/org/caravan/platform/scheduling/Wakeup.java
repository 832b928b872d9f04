package org.caravan.platform.scheduling;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a pass of a job on its own thread as soon as something asks, instead of waiting for the next poll. Passes
 * never overlap, and asks that come while a pass is waiting to run are answered by that pass: a burst of a
 * thousand asks costs a few passes, and an ask made during a pass is answered by one more, so none is lost.
 */
public final class Wakeup implements AutoCloseable {

    private final Runnable pass;
    private final ExecutorService thread;
    private final AtomicBoolean queued = new AtomicBoolean();

    public Wakeup(String name, Runnable pass) {
        this.pass = pass;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread daemon = new Thread(runnable, name);
            daemon.setDaemon(true);
            return daemon;
        });
    }

    /** A pass soon: now when idle, or right after the one running. */
    public void now() {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        try {
            thread.execute(() -> {
                queued.set(false);
                pass.run();
            });
        } catch (RejectedExecutionException closing) {
            queued.set(false);
        }
    }

    /** Lets the running pass finish, then stops. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
