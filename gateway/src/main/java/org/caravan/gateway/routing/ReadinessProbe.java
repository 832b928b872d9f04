package org.caravan.gateway.routing;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Asks a replica's readiness endpoint, within the configured check timeout. The routes' choice of replicas
 * ({@link ReplicaChoice}) and the operators' health page ask through this one probe, so that the page says what the
 * routes see: ready only on 200 in time.
 */
public final class ReadinessProbe {

    /**
     * What a check found: ready or not, why not in a few words, how long it took, and whether the replica said so
     * ({@code refused}: it answered other than 200, or refused the connection) rather than only failing to answer in
     * time, which on a busy machine a ready replica does too.
     */
    public record Answer(boolean ready, String reason, Duration took, boolean refused) {}

    private final WebClient client;
    private final Duration timeout;

    public ReadinessProbe(Duration timeout) {
        this.client = WebClient.create();
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The readiness endpoint of a replica: the path on the readiness port of the replica's address. */
    public static URI uri(String scheme, String host, int port, String path) {
        return URI.create(scheme + "://" + host + ":" + port + path);
    }

    /** Never an error: a failed or late answer is an answer that the replica is not ready. */
    public Mono<Answer> check(URI readiness) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return client.get()
                    .uri(readiness)
                    .exchangeToMono(response -> response.releaseBody()
                            .thenReturn(response.statusCode().value()))
                    .timeout(timeout)
                    .map(status -> status == 200
                            ? new Answer(true, null, since(start), false)
                            : new Answer(false, "answered " + status, since(start), true))
                    .onErrorResume(e -> Mono.just(new Answer(false, reasonFor(e), since(start), !late(e))));
        });
    }

    private static boolean late(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException
                    || cause.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    /** Why a request failed, in a few words an operator reads: refused, late, unknown host, or the cause's own. */
    public String reasonFor(Throwable failure) {
        Throwable deepest = failure;
        if (late(failure)) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
            if (cause instanceof UnknownHostException) {
                return "unknown host";
            }
            deepest = cause;
        }
        String message = deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
        return message.length() > 120 ? message.substring(0, 117) + "..." : message;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
