package org.caravan.event.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.caravan.event.EventServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every change is validated and explained as problem+json, and a refused change stores nothing. */
class VisitValidationIntegrationTests extends EventServiceIntegrationTest {

    @Autowired
    DatabaseClient database;

    @Test
    void aVisitEndingBeforeItStartsIsRefused() {
        expectRefused(
                HttpMethod.POST,
                "/api/visits",
                dandelionDraft().put("endsAt", "2026-09-26T08:00:00"),
                null,
                400,
                "endsAt");
    }

    @Test
    void aVisitAtAnUnknownSiteIsRefused() {
        expectRefused(
                HttpMethod.POST,
                "/api/visits",
                dandelionDraft().put("siteId", UUID.randomUUID().toString()),
                null,
                400,
                "siteId");
    }

    @Test
    void aProgrammeItemOutsideTheVisitIsRefused() {
        JsonNode visit = draftVisit();
        ObjectNode late = (ObjectNode) programmeItem(7);
        late.put("startsAt", "2026-09-26T11:25:00");

        expectRefused(HttpMethod.POST, items(visit), late, null, 400, "startsAt");
    }

    @Test
    void aHeadcountOutsideOneToFiveHundredIsRefused() {
        JsonNode visit = draftVisit();
        for (int headcount : new int[] {0, 501}) {
            ObjectNode item = (ObjectNode) programmeItem(0);
            ((ObjectNode) item.path("needs").get(0)).put("headcount", headcount);
            expectRefused(HttpMethod.POST, items(visit), item, null, 400, "needs[0].headcount");
        }
    }

    @Test
    void anUnknownSiteKindAndTimeZoneAreRefused() {
        expectRefused(
                HttpMethod.POST, "/api/sites", fixture("site").put("timeZone", "Mars/Olympus"), null, 400, "timeZone");
        sendAs(coordinator(), HttpMethod.POST, "/api/sites", fixture("site").put("kind", "CASTLE"), null)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void editingACancelledOrCompletedVisitIs409() {
        JsonNode cancelled = body(action(draftWithProgramme(), "cancel", Map.of("reason", "Closed"))
                .expectStatus()
                .isOk());
        expectRefused(HttpMethod.POST, items(cancelled), programmeItem(0), etag(cancelled), 409, null);
        expectRefused(
                HttpMethod.PUT,
                "/api/visits/" + cancelled.path("id").asString(),
                dandelionDraft(),
                etag(cancelled),
                409,
                null);

        JsonNode visit = scheduledVisit();
        visit = body(action(visit, "start", Map.of()).expectStatus().isOk());
        JsonNode completed =
                body(action(visit, "complete", Map.of()).expectStatus().isOk());
        expectRefused(HttpMethod.POST, items(completed), programmeItem(0), etag(completed), 409, null);
        action(
                        completed,
                        "reschedule",
                        Map.of("startsAt", "2026-10-01T09:00:00", "endsAt", "2026-10-01T10:00:00", "reason", "again"))
                .expectStatus()
                .isEqualTo(409);
    }

    @Test
    void reschedulingThatWouldLeaveAnItemOutsideTheVisitIs409() {
        JsonNode visit = scheduledVisit();

        action(
                        visit,
                        "reschedule",
                        Map.of("startsAt", "2026-09-27T09:30:00", "endsAt", "2026-09-27T10:00:00", "reason", "Shorter"))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Programme does not fit");
        assertThat(get("/api/visits/" + visit.path("id").asString())
                        .path("startsAt")
                        .asString())
                .isEqualTo("2026-09-26T09:30:00");
    }

    @Test
    void aCancellationNeedsAReason() {
        JsonNode visit = draftVisit();
        expectRefused(
                HttpMethod.POST,
                "/api/visits/" + visit.path("id").asString() + "/cancel",
                Map.of("reason", " "),
                null,
                400,
                "reason");
    }

    private void expectRefused(HttpMethod method, String path, Object body, String ifMatch, int status, String field) {
        long before = rows();
        var response = send(method, path, body, ifMatch)
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
        if (field != null) {
            response.jsonPath("$.errors[?(@.field == '" + field + "')]").exists();
        }
        assertThat(rows()).as("rows after a refused %s %s", method, path).isEqualTo(before);
    }

    /** Everything a change could have written, in one number. */
    private long rows() {
        return database.sql("select cast((select count(*) from visit) + (select count(*) from programme_item)"
                        + " + (select count(*) from site) + (select count(*) from outbox_event)"
                        + " + (select coalesce(sum(version), 0) from visit) as bigint)")
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    private static String items(JsonNode visit) {
        return "/api/visits/" + visit.path("id").asString() + "/programme-items";
    }
}
