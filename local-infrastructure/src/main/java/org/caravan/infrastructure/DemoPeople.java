package org.caravan.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The people of the Dandelion School visit, registered through volunteer-service's API: the three model-worker
 * speakers, and the Xiaomi youth team, the Workers' Art Troupe and the Huazhang reading team with their
 * members. Loading twice finds them already there.
 */
public final class DemoPeople {

    public static final String RESOURCE = "/demo/dandelion-school-people.json";

    private final ApiClient api;

    public DemoPeople(String volunteerServiceUrl, String coordinatorToken) {
        this.api = new ApiClient(volunteerServiceUrl, coordinatorToken);
    }

    public static JsonNode fixture() {
        try (InputStream in = DemoPeople.class.getResourceAsStream(RESOURCE)) {
            return JsonMapper.shared().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + RESOURCE, e);
        }
    }

    /** Registers everyone and forms the teams; returns volunteer ids by login (subject). */
    public Map<String, String> load() {
        JsonNode fixture = fixture();
        Map<String, String> ids = new LinkedHashMap<>();
        for (JsonNode volunteer : fixture.path("volunteers")) {
            String subject = volunteer.path("subject").asString();
            String id = api.postUnlessPresent("/api/volunteers", volunteer)
                    .map(created -> created.path("id").asString())
                    .orElseGet(() -> api.get("/api/volunteers?subject=" + ApiClient.query(subject))
                            .get(0)
                            .path("id")
                            .asString());
            ids.put(subject, id);
        }
        for (JsonNode team : fixture.path("teams")) {
            api.postUnlessPresent("/api/teams", formation(team, ids));
        }
        return ids;
    }

    private static ObjectNode formation(JsonNode team, Map<String, String> ids) {
        ObjectNode formation = JsonMapper.shared().createObjectNode();
        formation.put("name", team.path("name").asString());
        formation.put("leadVolunteerId", ids.get(team.path("lead").asString()));
        ArrayNode members = formation.putArray("memberIds");
        team.path("members").forEach(member -> members.add(ids.get(member.asString())));
        formation.set("skills", team.path("skills"));
        return formation;
    }
}
