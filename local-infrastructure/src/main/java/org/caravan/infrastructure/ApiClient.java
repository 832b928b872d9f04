package org.caravan.infrastructure;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A service's HTTP API as the demo scenario uses it: JSON in and out, with a bearer token. */
final class ApiClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String token;

    ApiClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    JsonNode get(String path) {
        return require(send(HttpRequest.newBuilder(uri(path)).GET()), path);
    }

    JsonNode post(String path, JsonNode body) {
        return require(send(post(uri(path), body)), path);
    }

    /** Empty when the API answers 409: the thing is already there (seeding twice). */
    Optional<JsonNode> postUnlessPresent(String path, JsonNode body) {
        HttpResponse<String> response = send(post(uri(path), body));
        return response.statusCode() == 409 ? Optional.empty() : Optional.of(require(response, path));
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static HttpRequest.Builder post(URI uri, JsonNode body) {
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return HttpExchange.send(
                http,
                request.header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(30))
                        .build());
    }

    private static JsonNode require(HttpResponse<String> response, String path) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JsonMapper.shared().readTree(response.body());
    }
}
