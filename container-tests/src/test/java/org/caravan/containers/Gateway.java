package org.caravan.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.caravan.infrastructure.HttpExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The services' APIs as users reach them in a container deployment: through the gateway's published ports. */
final class Gateway {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Integer> ports;

    Gateway(Map<String, Integer> ports) {
        this.ports = ports;
    }

    int port(String service) {
        return ports.get(service);
    }

    JsonNode get(String service, String path, String token) {
        return expectSuccess(send(request(service, path, token).GET()));
    }

    JsonNode post(String service, String path, String token, Object body) {
        return expectSuccess(send(post(request(service, path, token), body)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return HttpExchange.send(http, request.build());
    }

    HttpRequest.Builder request(String service, String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(service) + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    HttpRequest.Builder postRequest(String service, String path, String token, Object body) {
        return post(request(service, path, token), body);
    }

    private static HttpRequest.Builder post(HttpRequest.Builder request, Object body) {
        return request.header("Content-Type", "application/json")
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
