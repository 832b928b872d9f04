package org.caravan.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The services' HTTP APIs as a user's client calls them: JSON in and out, a bearer token, a status expected. */
final class Api {

    private final RunningCaravan caravan;

    Api(RunningCaravan caravan) {
        this.caravan = caravan;
    }

    JsonNode get(String service, String path, String token) {
        return expect(200, caravan.send(caravan.request(service, path, token).GET()));
    }

    JsonNode post(String service, String path, String token, Object body) {
        return post(service, path, token, body, 200);
    }

    JsonNode post(String service, String path, String token, Object body, int status) {
        HttpRequest.BodyPublisher content = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JsonMapper.shared().writeValueAsString(body));
        return expect(
                status,
                caravan.send(caravan.request(service, path, token)
                        .header("Content-Type", "application/json")
                        .POST(content)));
    }

    private static JsonNode expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode())
                .as(response.uri() + " answered " + response.body())
                .isEqualTo(status);
        return response.body().isEmpty()
                ? JsonMapper.shared().missingNode()
                : JsonMapper.shared().readTree(response.body());
    }
}
