package org.caravan.event.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.caravan.event.EventServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class VisitLifecycleIntegrationTests extends EventServiceIntegrationTest {

    @Test
    void coordinatorDraftsAVisitWithItsSiteInTheSitesTimeZone() {
        JsonNode visit = draftVisit();

        assertThat(visit.path("status").asString()).isEqualTo("DRAFT");
        assertThat(visit.path("startsAt").asString()).isEqualTo("2026-09-26T09:30:00");
        assertThat(visit.path("timeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(visit.path("site").path("name").asString()).isEqualTo("蒲公英中学 Dandelion School");
        assertThat(visit.path("expectedAudience").asInt()).isEqualTo(400);
        assertThat(visit.path("programme").size()).isZero();
    }

    @Test
    void aVisitGoesFromDraftThroughScheduledAndInProgressToCompleted() {
        JsonNode visit = draftWithProgramme();
        assertThat(visit.path("programme").size()).isEqualTo(8);

        visit = body(action(visit, "schedule", Map.of()).expectStatus().isOk());
        assertThat(visit.path("status").asString()).isEqualTo("SCHEDULED");
        visit = body(action(visit, "start", Map.of()).expectStatus().isOk());
        assertThat(visit.path("status").asString()).isEqualTo("IN_PROGRESS");
        visit = body(action(visit, "complete", Map.of()).expectStatus().isOk());
        assertThat(visit.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(get("/api/visits/" + visit.path("id").asString())
                        .path("status")
                        .asString())
                .isEqualTo("COMPLETED");
    }

    @Test
    void aTransitionOutOfLifecycleIs409NamingTheCurrentStatus() {
        JsonNode draft = draftVisit();

        action(draft, "complete", Map.of())
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Visit is DRAFT");
        JsonNode cancelled = body(action(draft, "cancel", Map.of("reason", "School closed"))
                .expectStatus()
                .isOk());
        action(cancelled, "schedule", Map.of())
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Visit is CANCELLED");
        assertThat(cancelled.path("statusReason").asString()).isEqualTo("School closed");
    }

    @Test
    void reschedulingMovesTheProgrammeWithTheVisit() {
        JsonNode visit = scheduledVisit();

        JsonNode moved = body(action(
                        visit,
                        "reschedule",
                        Map.of(
                                "startsAt",
                                "2026-09-27T14:00:00",
                                "endsAt",
                                "2026-09-27T16:00:00",
                                "reason",
                                "Rain forecast"))
                .expectStatus()
                .isOk());

        assertThat(moved.path("startsAt").asString()).isEqualTo("2026-09-27T14:00:00");
        assertThat(moved.path("programme").get(0).path("startsAt").asString()).isEqualTo("2026-09-27T14:00:00");
        assertThat(moved.path("programme").get(7).path("startsAt").asString()).isEqualTo("2026-09-27T15:50:00");
        assertThat(moved.path("version").asLong())
                .isGreaterThan(visit.path("version").asLong());
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        JsonNode visit = draftWithProgramme();
        String itemPath = "/api/visits/" + visit.path("id").asString() + "/programme-items/"
                + visit.path("programme").get(0).path("id").asString();
        String stale = "\"" + (visit.path("version").asLong() - 1) + "\"";

        send(
                        HttpMethod.PUT,
                        "/api/visits/" + visit.path("id").asString(),
                        dandelionDraft().put("theme", "Changed"),
                        stale)
                .expectStatus()
                .isEqualTo(412)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        send(HttpMethod.DELETE, itemPath, null, stale).expectStatus().isEqualTo(412);

        JsonNode unchanged = get("/api/visits/" + visit.path("id").asString());
        assertThat(unchanged.path("theme").asString())
                .isEqualTo(visit.path("theme").asString());
        assertThat(unchanged.path("programme").size()).isEqualTo(8);
        assertThat(unchanged.path("version").asLong())
                .isEqualTo(visit.path("version").asLong());
    }

    @Test
    void editsThatMustNotOverwriteOthersNeedIfMatch() {
        JsonNode visit = draftVisit();

        send(HttpMethod.PUT, "/api/visits/" + visit.path("id").asString(), dandelionDraft(), null)
                .expectStatus()
                .isEqualTo(428)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void responsesCarryTheVersionAsETagAndAMatchingIfMatchIsAccepted() {
        JsonNode visit = draftVisit();
        String id = visit.path("id").asString();

        sendAs(coordinator(), HttpMethod.GET, "/api/visits/" + id, null, null)
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("ETag", etag(visit));
        JsonNode edited = body(
                send(HttpMethod.PUT, "/api/visits/" + id, dandelionDraft().put("theme", "读书会 Reading day"), etag(visit))
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .exists("ETag"));
        assertThat(edited.path("theme").asString()).isEqualTo("读书会 Reading day");
    }

    @Test
    void programmeItemsCanBeChangedAndRemovedWithIfMatch() {
        JsonNode visit = draftWithProgramme();
        String items = "/api/visits/" + visit.path("id").asString() + "/programme-items/";
        JsonNode first = visit.path("programme").get(0);
        var longer = (tools.jackson.databind.node.ObjectNode) programmeItem(0);
        longer.put("durationMinutes", 5);

        JsonNode changed = body(send(HttpMethod.PUT, items + first.path("id").asString(), longer, etag(visit))
                .expectStatus()
                .isOk());
        assertThat(changed.path("programme").get(0).path("durationMinutes").asInt())
                .isEqualTo(5);
        JsonNode removed = body(send(HttpMethod.DELETE, items + first.path("id").asString(), null, etag(changed))
                .expectStatus()
                .isOk());
        assertThat(removed.path("programme").size()).isEqualTo(7);
        assertThat(removed.path("programme").get(0).path("position").asInt()).isEqualTo(1);
    }

    @Test
    void draftsAreForCoordinatorsOnlyWhileScheduledVisitsAreForEveryone() {
        JsonNode draft = draftVisit();
        JsonNode scheduled = scheduledVisit();

        sendAs(volunteer(), HttpMethod.GET, "/api/visits/" + draft.path("id").asString(), null, null)
                .expectStatus()
                .isNotFound();
        sendAs(
                        volunteer(),
                        HttpMethod.GET,
                        "/api/visits/" + scheduled.path("id").asString(),
                        null,
                        null)
                .expectStatus()
                .isOk();
        JsonNode volunteersList = body(sendAs(volunteer(), HttpMethod.GET, "/api/visits?size=200", null, null)
                .expectStatus()
                .isOk());
        assertThat(volunteersList.path("items").valueStream().map(v -> v.path("status")
                        .asString()))
                .doesNotContain("DRAFT");
    }

    @Test
    void visitsAreListedInAWindowBySiteAndStatusOrderedByStart() {
        JsonNode scheduled = scheduledVisit();
        String siteId = scheduled.path("site").path("id").asString();

        JsonNode page = get("/api/visits?from=2026-09-26&to=2026-09-27&siteId=" + siteId + "&status=SCHEDULED");
        assertThat(page.path("total").asLong()).isEqualTo(1);
        assertThat(page.path("items").get(0).path("id").asString())
                .isEqualTo(scheduled.path("id").asString());
        assertThat(get("/api/visits?from=2026-09-27&siteId=" + siteId)
                        .path("total")
                        .asLong())
                .isZero();
        assertThat(get("/api/visits?to=2026-09-26&siteId=" + siteId)
                        .path("total")
                        .asLong())
                .isZero();
    }

    @Test
    void volunteerCannotCreateAVisit() {
        sendAs(volunteer(), HttpMethod.POST, "/api/visits", dandelionDraft(), null)
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
