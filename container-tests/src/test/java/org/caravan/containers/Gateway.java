package org.caravan.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.caravan.infrastructure.HttpExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The services' APIs as users reach them in a container deployment: every {@code /api/...} at the gateway's port. */
final class Gateway {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Gateway(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    JsonNode get(String path, String token) {
        return expectSuccess(send(request(path, token).GET()));
    }

    JsonNode post(String path, String token, Object body) {
        return expectSuccess(send(postRequest(path, token, body)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return HttpExchange.send(http, request.build());
    }

    /**
     * Longer than the gateway's own response timeout (30 s): a replica that stops while it handles a request is
     * then answered for by the gateway's 504, which a careful client checks and retries, and not by this client
     * giving up at the same instant with no answer at all.
     */
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(PATIENCE)
                .header("Authorization", "Bearer " + token);
    }

    HttpRequest.Builder postRequest(String path, String token, Object body) {
        return request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JsonMapper.shared().writeValueAsString(body)));
    }

    static JsonNode expectSuccess(HttpResponse<String> response) {
        assertThat(response.statusCode())
                .as(response.request().method() + " " + response.uri() + " answered " + response.body())
                .isBetween(200, 299);
        return json(response);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }
}
