package org.caravan.event;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Whatever goes wrong, callers get problem+json with a status, a title and a trace id. */
class ApiProblemsIntegrationTests extends EventServiceIntegrationTest {

    @Test
    void requestWithoutATokenIs401WithABearerChallenge() {
        http.post()
                .uri("/api/visits")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueMatches("WWW-Authenticate", "Bearer.*");
    }

    @Test
    void tokenFromAnotherIssuerOrForAnotherAudienceOrExpiredIs401() {
        var tokens = org.caravan.platform.testing.TestInfrastructure.tokens();
        var now = java.time.Instant.now();
        var base = new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .subject(COORDINATOR)
                .claim("roles", java.util.List.of("coordinator"))
                .expirationTime(java.util.Date.from(now.plusSeconds(600)));
        for (String token : java.util.List.of(
                tokens.sign(base.issuer("someone-else").audience("caravan").build()),
                tokens.sign(base.issuer("caravan-local").audience("another-app").build()),
                tokens.sign(base.issuer("caravan-local")
                        .audience("caravan")
                        .expirationTime(java.util.Date.from(now.minusSeconds(600)))
                        .build()))) {
            http.get()
                    .uri("/api/visits")
                    .headers(h -> h.setBearerAuth(token))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void tokensThatNeverExpireLiveTooLongNameNobodyOrHoldNoKnownRoleAre401() {
        var tokens = org.caravan.platform.testing.TestInfrastructure.tokens();
        var now = java.time.Instant.now();
        java.util.function.Supplier<com.nimbusds.jwt.JWTClaimsSet.Builder> valid =
                () -> new com.nimbusds.jwt.JWTClaimsSet.Builder()
                        .issuer("caravan-local")
                        .audience("caravan")
                        .subject(COORDINATOR)
                        .claim("roles", java.util.List.of("coordinator"))
                        .issueTime(java.util.Date.from(now))
                        .expirationTime(java.util.Date.from(now.plusSeconds(600)));
        http.get()
                .uri("/api/visits")
                .headers(h -> h.setBearerAuth(tokens.sign(valid.get().build())))
                .exchange()
                .expectStatus()
                .isOk();
        for (String token : java.util.List.of(
                tokens.sign(valid.get().expirationTime(null).build()),
                tokens.sign(valid.get()
                        .expirationTime(java.util.Date.from(now.plus(java.time.Duration.ofDays(365))))
                        .build()),
                tokens.sign(valid.get().subject("").build()),
                tokens.sign(valid.get().subject(null).build()),
                tokens.sign(valid.get().claim("roles", java.util.List.of()).build()),
                tokens.sign(
                        valid.get().claim("roles", java.util.List.of("admin")).build()))) {
            http.get()
                    .uri("/api/visits")
                    .headers(h -> h.setBearerAuth(token))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void unknownVisitUnknownPathWrongMethodWrongMediaTypeBadJsonAndHugeBodyAreProblems() {
        expectProblem(http.get().uri("/api/visits/{id}", UUID.randomUUID()), HttpStatus.NOT_FOUND);
        expectProblem(http.get().uri("/api/nothing-here"), HttpStatus.NOT_FOUND);
        expectProblem(http.delete().uri("/api/visits"), HttpStatus.METHOD_NOT_ALLOWED);
        expectProblem(
                http.post().uri("/api/visits").contentType(MediaType.TEXT_PLAIN).bodyValue("a visit please"),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        expectProblem(
                http.post()
                        .uri("/api/visits")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{not json"),
                HttpStatus.BAD_REQUEST);
        expectProblem(
                http.post()
                        .uri("/api/visits")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"theme\":\"" + "x".repeat(300_000) + "\"}"),
                HttpStatus.CONTENT_TOO_LARGE);
        expectProblem(http.get().uri("/api/visits?from=yesterday"), HttpStatus.BAD_REQUEST);
    }

    @Test
    void aVisitWithoutItsOptionalAudienceAndAnItemWithoutTeamSlotsAreAccepted() {
        var visit = dandelionDraft();
        visit.remove("expectedAudience");
        JsonNode created = body(
                send(HttpMethod.POST, "/api/visits", visit, null).expectStatus().isCreated());
        var item = (tools.jackson.databind.node.ObjectNode) programmeItem(0).deepCopy();
        item.remove("teamSlots");
        send(HttpMethod.POST, "/api/visits/" + created.path("id").asString() + "/programme-items", item, null)
                .expectStatus()
                .isCreated();
    }

    @Test
    void aRoleThatMayNotPlanIsRefusedBeforeItsBodyIsReadSoItLearnsNothingOfTheSchema() {
        for (String body : java.util.List.of("{\"theme\": 42, \"expectedAudience\": \"many\"}", "{not json", "{}")) {
            http.post()
                    .uri("/api/visits")
                    .headers(h -> h.setBearerAuth(volunteer()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors")
                    .doesNotExist();
        }
        sendAs(volunteer(), HttpMethod.PUT, "/api/sites/" + UUID.randomUUID(), java.util.Map.of("name", 7), null)
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aVisitOutsideTheCenturiesWeServeOrLongerThanAWeekIsRefusedNamingTheField() {
        var farFuture = dandelionDraft();
        farFuture.put("startsAt", "20260-09-26T09:00").put("endsAt", "20260-09-26T11:00");
        expectFieldError(send(HttpMethod.POST, "/api/visits", farFuture, null), "startsAt", "must be a local date");
        var distant = dandelionDraft();
        distant.put("startsAt", "2999-09-26T09:00").put("endsAt", "2999-09-26T11:00");
        expectFieldError(send(HttpMethod.POST, "/api/visits", distant, null), "startsAt", "must be in the years");
        var month = dandelionDraft();
        month.put("endsAt", month.path("startsAt").asString().substring(0, 8) + "28T11:00");
        month.put("startsAt", month.path("startsAt").asString().substring(0, 8) + "01T09:00");
        expectFieldError(
                send(HttpMethod.POST, "/api/visits", month, null),
                "endsAt",
                "must be after startsAt, and at most 7 days");
        for (String from : java.util.List.of("+999999999-01-01", "9999-01-01")) {
            expectFieldError(
                    http.get()
                            .uri(uri -> uri.path("/api/visits")
                                    .queryParam("from", from)
                                    .build())
                            .headers(h -> h.setBearerAuth(coordinator()))
                            .exchange(),
                    "from",
                    "must be");
        }
    }

    @Test
    void aRequiredNumberLeftOutIsRefusedNamingIt() {
        var item = (tools.jackson.databind.node.ObjectNode) programmeItem(0).deepCopy();
        item.remove("durationMinutes");
        expectFieldError(
                send(
                        HttpMethod.POST,
                        "/api/visits/" + draftVisit().path("id").asString() + "/programme-items",
                        item,
                        null),
                "durationMinutes",
                "must not be null");
    }

    @Test
    void aFieldOfTheWrongTypeIsRefusedNamingItAndWhatItMustBe() {
        String visit = draftVisit().path("id").asString();
        var item = (tools.jackson.databind.node.ObjectNode) programmeItem(0).deepCopy();
        item.withArray("needs").addObject().put("role", "porter").put("headcount", "three");
        expectFieldError(
                send(HttpMethod.POST, "/api/visits/" + visit + "/programme-items", item, null),
                "needs[1].headcount",
                "must be a whole number");
        item = (tools.jackson.databind.node.ObjectNode) programmeItem(0).deepCopy();
        item.put("kind", "FIREWORKS");
        expectFieldError(
                send(HttpMethod.POST, "/api/visits/" + visit + "/programme-items", item, null),
                "kind",
                "must be one of PERFORMANCE");
        item = (tools.jackson.databind.node.ObjectNode) programmeItem(0).deepCopy();
        item.put("startsAt", "next Saturday");
        expectFieldError(
                send(HttpMethod.POST, "/api/visits/" + visit + "/programme-items", item, null),
                "startsAt",
                "must be a local date and time such as 2026-09-26T09:30");
    }

    @Test
    void aNullAmongTheNeedsIsRefusedNamingIt() {
        var item = (tools.jackson.databind.node.ObjectNode) programmeItem(0).deepCopy();
        item.putArray("needs").addNull();
        expectFieldError(
                send(
                        HttpMethod.POST,
                        "/api/visits/" + draftVisit().path("id").asString() + "/programme-items",
                        item,
                        null),
                "needs[0]",
                "must not be null");
    }

    @Test
    void aTextWithTheNulCharacterIsRefusedInTheBodyAndInTheQuery() {
        var visit = dandelionDraft();
        visit.put("theme", "共谱祖国颂\u0000");
        expectFieldError(send(HttpMethod.POST, "/api/visits", visit, null), "theme", "must not contain the NUL");
        expectFieldError(
                http.get()
                        .uri(uri -> uri.path("/api/visits")
                                .queryParam("status", "SCHEDULED\u0000")
                                .build())
                        .headers(h -> h.setBearerAuth(coordinator()))
                        .exchange(),
                "status",
                "must not contain the NUL");
    }

    @Test
    void aPathOrQueryParameterOfTheWrongTypeIsRefusedNamingIt() {
        expectFieldError(
                http.get()
                        .uri("/api/visits/not-a-uuid")
                        .headers(h -> h.setBearerAuth(coordinator()))
                        .exchange(),
                "id",
                "must be a UUID");
        expectFieldError(
                http.get()
                        .uri("/api/visits?siteId=42")
                        .headers(h -> h.setBearerAuth(coordinator()))
                        .exchange(),
                "siteId",
                "must be a UUID");
    }

    private static void expectFieldError(WebTestClient.ResponseSpec response, String field, String message) {
        response.expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field)
                .jsonPath("$.errors[0].message")
                .value(String.class, m -> org.assertj.core.api.Assertions.assertThat(m)
                        .startsWith(message));
    }

    @Test
    void openApiDocumentDescribesThePlanningApi() {
        http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/visits/{id}/reschedule']")
                .exists()
                .jsonPath("$.paths['/api/visits/{visitId}/programme-items/{itemId}']")
                .exists()
                .jsonPath("$.paths['/api/sites']")
                .exists();
    }

    private void expectProblem(WebTestClient.RequestHeadersSpec<?> request, HttpStatus status) {
        request.headers(h -> h.setBearerAuth(coordinator()))
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(status.value())
                .jsonPath("$.traceId")
                .isNotEmpty();
    }
}
