package org.caravan.event;

import java.util.Map;
import org.caravan.infrastructure.DemoScenario;
import org.caravan.platform.testing.ServiceIntegrationTest;
import org.caravan.platform.testing.TestInfrastructure;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * event-service under test (the shared service test base), with the Dandelion School visit (the demo fixture) as
 * test data and the steps its tests share: visits drafted, given their programme and scheduled, with their ETags.
 */
public abstract class EventServiceIntegrationTest extends ServiceIntegrationTest {

    protected static final String COORDINATOR = "coordinator-li";

    protected static String volunteer() {
        return TestInfrastructure.tokens().mint("volunteer-wang", "volunteer");
    }

    /** The fixture's part, as a mutable copy. */
    protected static ObjectNode fixture(String part) {
        return (ObjectNode) DemoScenario.fixture().path(part).deepCopy();
    }

    protected static JsonNode programmeItem(int index) {
        return DemoScenario.fixture().path("programme").get(index).deepCopy();
    }

    protected String createSite() {
        return send(HttpMethod.POST, "/api/sites", fixture("site"), null)
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .path("id")
                .asString();
    }

    protected String createCaravan() {
        ObjectNode caravan = fixture("caravan");
        caravan.put("name", "Caravan " + java.util.UUID.randomUUID());
        return send(HttpMethod.POST, "/api/caravans", caravan, null)
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .path("id")
                .asString();
    }

    /** The Dandelion School visit as a draft, at a new site, without its programme yet. */
    protected ObjectNode dandelionDraft() {
        ObjectNode visit = fixture("visit");
        visit.put("caravanId", createCaravan()).put("siteId", createSite());
        return visit;
    }

    protected JsonNode draftVisit() {
        return body(send(HttpMethod.POST, "/api/visits", dandelionDraft(), null)
                .expectStatus()
                .isCreated());
    }

    /** A draft with the fixture's eight programme items. */
    protected JsonNode draftWithProgramme() {
        JsonNode visit = draftVisit();
        for (JsonNode item : DemoScenario.fixture().path("programme")) {
            visit = body(
                    send(HttpMethod.POST, "/api/visits/" + visit.path("id").asString() + "/programme-items", item, null)
                            .expectStatus()
                            .isCreated());
        }
        return visit;
    }

    protected JsonNode scheduledVisit() {
        JsonNode draft = draftWithProgramme();
        return body(action(draft, "schedule", Map.of()).expectStatus().isOk());
    }

    protected WebTestClient.ResponseSpec action(JsonNode visit, String action, Object body) {
        return send(HttpMethod.POST, "/api/visits/" + visit.path("id").asString() + "/" + action, body, etag(visit));
    }

    protected WebTestClient.ResponseSpec send(HttpMethod method, String path, Object body, String ifMatch) {
        return sendAs(coordinator(), method, path, body, ifMatch);
    }

    protected WebTestClient.ResponseSpec sendAs(
            String token, HttpMethod method, String path, Object body, String ifMatch) {
        var request = http.method(method).uri(path).headers(h -> {
            h.setBearerAuth(token);
            if (ifMatch != null) {
                h.setIfMatch(ifMatch);
            }
        });
        return body == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(json(body))
                        .exchange();
    }

    protected JsonNode get(String path) {
        return body(sendAs(coordinator(), HttpMethod.GET, path, null, null)
                .expectStatus()
                .isOk());
    }

    protected static String etag(JsonNode visit) {
        return "\"" + visit.path("version").asLong() + "\"";
    }

    private static String json(Object body) {
        return body instanceof JsonNode node
                ? node.toString()
                : JsonMapper.shared().writeValueAsString(body);
    }
}
