package org.caravan.volunteer.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.platform.testing.DatabaseLink;
import org.caravan.platform.testing.TestInfrastructure;
import org.caravan.volunteer.VolunteerServiceIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The database goes away in the middle of a burst of accepts, as when PostgreSQL stops: every answer is either
 * the accept's outcome or 503 problem+json (never a 500), and once the database is back the same volunteers
 * answer again and the role is filled exactly, with nobody placed twice.
 */
class AcceptsDuringADatabaseOutageIntegrationTests extends VolunteerServiceIntegrationTest {

    private static final int VOLUNTEERS = 60;
    private static final int ANSWERED_BEFORE_THE_CUT = 5;
    private static final Duration OUTAGE = Duration.ofSeconds(3);
    private static final DatabaseLink LINK = DatabaseLink.to(
            TestInfrastructure.infrastructure().postgresHost(),
            TestInfrastructure.infrastructure().postgresPort());

    @LocalServerPort
    int port;

    /** The service's queries go through the link; its migrations went straight to the server. */
    @DynamicPropertySource
    static void throughTheLink(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.r2dbc.url", () -> "r2dbc:postgresql://127.0.0.1:" + LINK.port() + "/${caravan.database.name}");
    }

    @AfterAll
    static void closeTheLink() {
        LINK.close();
    }

    @Test
    void acceptsDuringAnOutageAre503AndFillTheRoleExactlyOnceTheDatabaseIsBack() throws Exception {
        VisitSnapshot visit = scheduledVisit();
        UUID recitation = visit.programme().get(0).itemId();
        int headcount = visit.programme().get(0).needs().get(0).headcount();
        List<String> people = subjects("outage-reciter", VOLUNTEERS);
        List<String> offers = people.stream()
                .map(subject -> offerToNewVolunteer(recitation, "reciter", subject, "RECITATION"))
                .toList();
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        Map<Integer, Integer> firstAnswers = new ConcurrentHashMap<>();
        List<String> unavailableBodies = java.util.Collections.synchronizedList(new ArrayList<>());

        AtomicInteger answered = new AtomicInteger();
        CompletableFuture<Void> restored = new CompletableFuture<>();
        // One accept every 60 ms. The link is cut when the fifth has answered, and is back 3 s later: a few accepts
        // before the cut, most during it, the last after it.
        Flux.range(0, VOLUNTEERS)
                .delayElements(Duration.ofMillis(60))
                .flatMap(i -> accept(client, offers.get(i), people.get(i)).doOnNext(answer -> {
                    firstAnswers.put(i, answer.status());
                    if (answer.status() == 503) {
                        unavailableBodies.add(answer.contentType() + " " + answer.body());
                    }
                    if (answered.incrementAndGet() == ANSWERED_BEFORE_THE_CUT) {
                        LINK.cut();
                        Mono.delay(OUTAGE).subscribe(tick -> {
                            LINK.restore();
                            restored.complete(null);
                        });
                    }
                }))
                .blockLast(Duration.ofMinutes(2));
        restored.get(30, TimeUnit.SECONDS);

        assertThat(firstAnswers).hasSize(VOLUNTEERS);
        assertThat(firstAnswers.values()).as("every answer during the outage").allMatch(s -> s == 200 || s == 503);
        assertThat(firstAnswers.values())
                .as("answers while the database was away")
                .contains(503);
        assertThat(unavailableBodies).allSatisfy(body -> assertThat(body)
                .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .contains("\"status\":503"));

        // Those told 503 answer again, as the web app lets them; the link is back and the pool mends itself.
        List<Integer> again = firstAnswers.entrySet().stream()
                .filter(answer -> answer.getValue() != 200)
                .map(Map.Entry::getKey)
                .toList();
        for (int i : again) {
            assertThat(accept(client, offers.get(i), people.get(i))
                            .block(Duration.ofSeconds(30))
                            .status())
                    .as("the accept of " + people.get(i) + " after the outage")
                    .isEqualTo(200);
        }
        JsonNode line = staffing(visit.visitId()).get(0);
        assertThat(line.path("confirmed").asInt()).isEqualTo(headcount);
        assertThat(line.path("waitlisted").asInt()).isEqualTo(VOLUNTEERS - headcount);
        for (String subject : people) {
            assertThat(assignmentsOf(subject)).as(subject + "'s assignments").hasSize(1);
        }
    }

    record Answer(int status, String contentType, String body) {}

    private static Mono<Answer> accept(WebClient client, String offer, String subject) {
        return client.post()
                .uri("/api/assignments/{id}/accept", offer)
                .headers(h -> h.setBearerAuth(volunteerToken(subject)))
                .exchangeToMono(response -> response.bodyToMono(String.class)
                        .defaultIfEmpty("")
                        .map(body -> new Answer(
                                response.statusCode().value(),
                                String.valueOf(response.headers().contentType().orElse(null)),
                                body)));
    }
}
