package org.caravan.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The caravan's visit to Dandelion School with its eight programme items, loaded through event-service's API
 * as a coordinator would enter it, then scheduled. The same fixture feeds the tests and the local run.
 */
public final class DemoScenario {

    public static final String RESOURCE = "/demo/dandelion-school-visit.json";

    private final ApiClient api;

    public DemoScenario(String eventServiceUrl, String coordinatorToken) {
        this.api = new ApiClient(eventServiceUrl, coordinatorToken);
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

    /** The visit as event-service shows it: site, local times, status, programme. */
    public JsonNode visit(String visitId) {
        return get("/api/visits/" + visitId);
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
        return api.get(path);
    }

    private JsonNode post(String path, JsonNode body) {
        return api.post(path, body);
    }
}
