package org.caravan.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The services' JSON APIs with a bearer token; asynchronous calls are bounded so setup never floods a service. */
final class Http {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Semaphore inFlight = new Semaphore(24);

    HttpClient client() {
        return client;
    }

    JsonNode get(String url, String token) {
        return send(url, token, null).join();
    }

    JsonNode post(String url, String token, Object body) {
        return send(url, token, body).join();
    }

    /** A POST with the body as JSON, or a GET when there is none; the answer must be 2xx; at most 24 in flight. */
    CompletableFuture<JsonNode> send(String url, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            JsonMapper.shared().writeValueAsString(body)));
        }
        inFlight.acquireUninterruptibly();
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, failure) -> inFlight.release())
                .thenApply(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw new IllegalStateException(
                                url + " answered " + response.statusCode() + ": " + response.body());
                    }
                    return response.body().isEmpty()
                            ? JsonMapper.shared().missingNode()
                            : JsonMapper.shared().readTree(response.body());
                });
    }
}
