package org.caravan.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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

    /** The whole scenario on the day it happened: the draft with its programme, then scheduled; returns the visit id. */
    public String load() {
        return load(fixtureDay());
    }

    /** The same visit on another day, at the same local times. */
    public String load(LocalDate day) {
        String visitId = draft(day);
        post("/api/visits/" + visitId + "/schedule", JsonMapper.shared().createObjectNode());
        return visitId;
    }

    /**
     * A Saturday at least a week away: the local run's demo is a visit still to staff, whose reminders and
     * staffing check lie ahead, like the ones a coordinator plans.
     */
    public static LocalDate upcomingDay() {
        return upcomingDay(
                LocalDate.now(ZoneId.of(fixture().path("site").path("timeZone").asString())));
    }

    static LocalDate upcomingDay(LocalDate today) {
        return today.plusWeeks(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
    }

    static LocalDate fixtureDay() {
        return LocalDate.parse(
                fixture().path("visit").path("startsAt").asString().substring(0, 10));
    }

    /** The visit as event-service shows it: site, local times, status, programme. */
    public JsonNode visit(String visitId) {
        return get("/api/visits/" + visitId);
    }

    /** Creates the caravan (or reuses one of that name), the site, the draft and its items; returns the visit id. */
    public String draft() {
        return draft(fixtureDay());
    }

    private String draft(LocalDate day) {
        JsonNode fixture = fixture();
        long shift = ChronoUnit.DAYS.between(fixtureDay(), day);
        String caravanId = caravan(fixture.path("caravan"));
        String siteId = post("/api/sites", fixture.path("site")).path("id").asString();
        ObjectNode visit = (ObjectNode) fixture.path("visit").deepCopy();
        visit.put("caravanId", caravanId).put("siteId", siteId);
        shiftDays(visit, shift, "startsAt", "endsAt");
        String visitId = post("/api/visits", visit).path("id").asString();
        for (JsonNode item : fixture.path("programme")) {
            ObjectNode shifted = (ObjectNode) item.deepCopy();
            shiftDays(shifted, shift, "startsAt");
            post("/api/visits/" + visitId + "/programme-items", shifted);
        }
        return visitId;
    }

    private static void shiftDays(ObjectNode node, long days, String... localTimes) {
        for (String field : localTimes) {
            node.put(
                    field,
                    LocalDateTime.parse(node.path(field).asString())
                            .plusDays(days)
                            .toString());
        }
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
