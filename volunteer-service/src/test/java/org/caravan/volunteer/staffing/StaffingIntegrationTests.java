package org.caravan.volunteer.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.platform.testing.TestInfrastructure;
import org.caravan.volunteer.VolunteerServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

class StaffingIntegrationTests extends VolunteerServiceIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aVolunteerAcceptsAnOfferAndIsConfirmed() {
        VisitSnapshot visit = scheduledVisit();
        UUID recitation = visit.programme().get(0).itemId();
        String subject = "reciter-" + UUID.randomUUID();
        String volunteerId = registerVolunteer(subject, "recitation");

        JsonNode offered =
                body(offer(recitation, "reciter", volunteerId).expectStatus().isCreated());
        assertThat(offered.path("status").asString()).isEqualTo("OFFERED");
        JsonNode accepted = body(answer(offered.path("id").asString(), "accept", subject)
                .expectStatus()
                .isOk());

        assertThat(accepted.path("status").asString()).isEqualTo("CONFIRMED");
        JsonNode line = staffing(visit.visitId()).get(0);
        assertThat(line.path("confirmed").asInt()).isEqualTo(1);
        assertThat(line.path("gaps").asInt()).isEqualTo(5);
        assertThat(assignmentsOf(subject))
                .extracting(a -> a.path("status").asString())
                .containsExactly("CONFIRMED");
    }

    @Test
    void aHundredAcceptsAtOnceNeverOverfillARoleAndTheRestAreWaitlistedInOrder() {
        VisitSnapshot visit = scheduledVisit();
        UUID recitation = visit.programme().get(0).itemId();
        List<String> people = subjects("reciter", 100);
        List<String> offers = people.stream()
                .map(subject -> offerToNewVolunteer(recitation, "reciter", subject, "RECITATION"))
                .toList();
        WebClient client = WebClient.create("http://127.0.0.1:" + port);

        List<String> outcomes = Flux.range(0, 100)
                .flatMap(
                        i -> client.post()
                                .uri("/api/assignments/{id}/accept", offers.get(i))
                                .headers(h -> h.setBearerAuth(volunteerToken(people.get(i))))
                                .retrieve()
                                .bodyToMono(JsonNode.class)
                                .map(answer -> answer.path("status").asString()),
                        100)
                .collectList()
                .block(Duration.ofMinutes(2));

        assertThat(outcomes).hasSize(100);
        assertThat(outcomes.stream().filter("CONFIRMED"::equals)).hasSize(6);
        assertThat(outcomes.stream().filter("WAITLISTED"::equals)).hasSize(94);
        JsonNode line = staffing(visit.visitId()).get(0);
        assertThat(line.path("confirmed").asInt()).isEqualTo(6);
        assertThat(line.path("waitlisted").asInt()).isEqualTo(94);
        assertThat(line.path("gaps").asInt()).isZero();
    }

    @Test
    void aVolunteerCannotSeeOrAnswerAnotherVolunteersOffer() {
        VisitSnapshot visit = scheduledVisit();
        String owner = "singer-" + UUID.randomUUID();
        String other = "singer-" + UUID.randomUUID();
        String ownerId = registerVolunteer(owner, "SINGING");
        registerVolunteer(other, "SINGING");
        String offerId = body(offer(visit.programme().get(1).itemId(), "singer", ownerId)
                        .expectStatus()
                        .isCreated())
                .path("id")
                .asString();

        answer(offerId, "accept", other)
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(assignmentsOf(other)).isEmpty();
        assertThat(body(answer(offerId, "decline", owner).expectStatus().isOk())
                        .path("status")
                        .asString())
                .isEqualTo("DECLINED");
        answer(offerId, "accept", owner).expectStatus().isEqualTo(409);
    }

    @Test
    void anOfferForARoleTheItemDoesNotNeedIsRefused() {
        VisitSnapshot visit = scheduledVisit();
        String volunteerId = registerVolunteer("juggler-" + UUID.randomUUID(), "JUGGLING");

        offer(visit.programme().get(0).itemId(), "juggler", volunteerId)
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aVolunteerCannotMakeOffers() {
        http.post()
                .uri("/api/programme-items/{id}/assignments", UUID.randomUUID())
                .headers(h -> h.setBearerAuth(TestInfrastructure.tokens().mint("volunteer-wang", "volunteer")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "reciter", "volunteerId", UUID.randomUUID()))
                .exchange()
                .expectStatus()
                .isForbidden();
    }
}
