package org.caravan.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The caravan's visit to Dandelion School with its eight programme items, loaded through event-service's API
 * as a coordinator would enter it, then scheduled. The same fixture feeds the tests and the local run.
 */
public final class DemoScenario {

    public static final String RESOURCE = "/demo/dandelion-school-visit.json";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String eventService;
    private final String token;

    public DemoScenario(String eventServiceUrl, String coordinatorToken) {
        this.eventService = eventServiceUrl;
        this.token = coordinatorToken;
    }

    public static JsonNode fixture() {
        try (InputStream in = DemoScenario.class.getResourceAsStream(RESOURCE)) {
            return JsonMapper.shared().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + RESOURCE, e);
        }
    }

    /** The whole scenario: the draft with its programme, then scheduled; returns the visit id. */
    public String load() {
        String visitId = draft();
        post("/api/visits/" + visitId + "/schedule", JsonMapper.shared().createObjectNode());
        return visitId;
    }

    /** Creates the caravan (or reuses one of that name), the site, the draft and its items; returns the visit id. */
    public String draft() {
        JsonNode fixture = fixture();
        String caravanId = caravan(fixture.path("caravan"));
        String siteId = post("/api/sites", fixture.path("site")).path("id").asString();
        var visit = fixture.path("visit").deepCopy();
        ((tools.jackson.databind.node.ObjectNode) visit)
                .put("caravanId", caravanId)
                .put("siteId", siteId);
        String visitId = post("/api/visits", visit).path("id").asString();
        for (JsonNode item : fixture.path("programme")) {
            post("/api/visits/" + visitId + "/programme-items", item);
        }
        return visitId;
    }

    private String caravan(JsonNode caravan) {
        String name = caravan.path("name").asString();
        for (JsonNode existing : get("/api/caravans")) {
            if (existing.path("name").asString().equals(name)) {
                return existing.path("id").asString();
            }
        }
        return post("/api/caravans", caravan).path("id").asString();
    }

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(eventService + path)).GET(), path);
    }

    private JsonNode post(String path, JsonNode body) {
        return send(
                HttpRequest.newBuilder(URI.create(eventService + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
                path);
    }

    private JsonNode send(HttpRequest.Builder request, String path) {
        try {
            HttpResponse<String> response = http.send(
                    request.header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JsonMapper.shared().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("event-service is not reachable at " + eventService, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
