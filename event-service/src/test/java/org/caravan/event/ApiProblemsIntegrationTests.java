package org.caravan.event;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

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
