package org.caravan.benchmark;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Sends requests at a fixed rate whatever the pace of the answers (an open loop): a slow system meets the same
 * arrivals, not fewer, and each latency counts from when the request was due, not from when it left.
 */
final class OpenLoop {

    /** One request: what it was about, when it was due, how long until its answer, and the answer's status. */
    record Attempt(String id, Instant due, double responseMillis, int status) {}

    /** What to send as the n-th request, and what it is about. */
    record Call(String id, HttpRequest request) {}

    private final HttpClient client;

    OpenLoop(HttpClient client) {
        this.client = client;
    }

    List<Attempt> run(double perSecond, Duration duration, IntFunction<Call> calls) {
        int count = (int) Math.round(perSecond * duration.toMillis() / 1000.0);
        long interval = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
        long start = System.nanoTime();
        Instant startInstant = Instant.now();
        List<CompletableFuture<Attempt>> attempts = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            long dueNanos = start + n * interval;
            long wait = dueNanos - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Call call = calls.apply(n);
            Instant due = startInstant.plusNanos(n * interval);
            attempts.add(client.sendAsync(call.request(), HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> new Attempt(
                            call.id(),
                            due,
                            (System.nanoTime() - dueNanos) / 1_000_000.0,
                            failure == null ? response.statusCode() : 0)));
        }
        return attempts.stream()
                .map(attempt -> attempt.orTimeout(2, TimeUnit.MINUTES).join())
                .toList();
    }
}
