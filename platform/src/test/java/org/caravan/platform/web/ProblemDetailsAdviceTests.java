package org.caravan.platform.web;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

class ProblemDetailsAdviceTests {

    private final WebTestClient http = WebTestClient.bindToController(new FailingController())
            .controllerAdvice(new ProblemDetailsAdvice())
            .build();

    @Test
    void databaseOutageIsA503ProblemWithoutInternals() {
        for (String path : new String[] {"/database-down", "/connection-refused"}) {
            http.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.title")
                    .isEqualTo("Service unavailable")
                    .jsonPath("$.detail")
                    .value(detail -> org.assertj.core.api.Assertions.assertThat(detail.toString())
                            .doesNotContain("5432"));
        }
    }

    @Test
    void concurrentChangeIsA409Problem() {
        http.get()
                .uri("/changed-meanwhile")
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aBrokenRuleIsAnsweredWithItsOwnStatusAndTitle() {
        http.get()
                .uri("/overfilled")
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Programme item is full")
                .jsonPath("$.type")
                .isEqualTo("https://caravan.example/problems/programme-item-is-full");
    }

    @Test
    void aStaleIfMatchIsA412Problem() {
        http.get()
                .uri("/stale")
                .exchange()
                .expectStatus()
                .isEqualTo(412)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Version mismatch");
    }

    @Test
    void anUnexpectedFailureIsA500ProblemWithoutStackTrace() {
        http.get()
                .uri("/bug")
                .exchange()
                .expectStatus()
                .isEqualTo(500)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Internal error")
                .jsonPath("$.detail")
                .value(detail -> org.assertj.core.api.Assertions.assertThat(detail.toString())
                        .doesNotContain("NullPointer"))
                .jsonPath("$.trace")
                .doesNotExist();
    }

    @RestController
    static class FailingController {

        @GetMapping("/database-down")
        Mono<String> databaseDown() {
            return Mono.error(new DataAccessResourceFailureException("Connection to 127.0.0.1:5432 refused"));
        }

        @GetMapping("/connection-refused")
        Mono<String> connectionRefused() {
            return Mono.error(new R2dbcNonTransientResourceException("Connection to 127.0.0.1:5432 refused"));
        }

        @GetMapping("/changed-meanwhile")
        Mono<String> changedMeanwhile() {
            return Mono.error(new OptimisticLockingFailureException("version 3 expected"));
        }

        @GetMapping("/overfilled")
        Mono<String> overfilled() {
            return Mono.error(ProblemException.conflict("Programme item is full", "All 6 places are taken"));
        }

        @GetMapping("/stale")
        Mono<String> stale() {
            return Mono.error(ProblemException.preconditionFailed(3, 4));
        }

        @GetMapping("/bug")
        Mono<String> bug() {
            return Mono.error(new NullPointerException("oops"));
        }
    }
}
