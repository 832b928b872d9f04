package org.caravan.volunteer.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.platform.security.AnswerLinks;
import org.caravan.volunteer.VolunteerServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The accept and decline links notification-service puts in messages, signed with the shared secret. */
class AnswerLinkIntegrationTests extends VolunteerServiceIntegrationTest {

    @Value("${caravan.answer-links.secret}")
    String secret;

    @Test
    void anAcceptLinkFromAMessageConfirmsOnceWithoutASignIn() {
        VisitSnapshot visit = scheduledVisit();
        String subject = "reciter-" + UUID.randomUUID();
        String offer = offerToNewVolunteer(visit.programme().get(0).itemId(), "reciter", subject, "RECITATION");
        String token =
                new AnswerLinks(secret).token(UUID.fromString(offer), "accept", now().plus(Duration.ofHours(48)));

        String page = open(token)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page).contains("<form method=\"post\">", "Accept");
        assertThat(statusOf(offer, subject)).isEqualTo("OFFERED");

        assertThat(body(use(token).expectStatus().isOk()).path("status").asString())
                .isEqualTo("CONFIRMED");
        use(token).expectStatus().isEqualTo(410).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(statusOf(offer, subject)).isEqualTo("CONFIRMED");
    }

    @Test
    void aValidlySignedLinkForAnAssignmentNobodyHoldsIs404() {
        String token = new AnswerLinks(secret).token(UUID.randomUUID(), "accept", now().plus(Duration.ofHours(1)));

        use(token).expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        open(token).expectStatus().value(status -> assertThat(status).isLessThan(500));
    }

    @Test
    void aTamperedOrExpiredLinkDoesNothing() {
        VisitSnapshot visit = scheduledVisit();
        String subject = "singer-" + UUID.randomUUID();
        String offer = offerToNewVolunteer(visit.programme().get(1).itemId(), "singer", subject, "SINGING");
        AnswerLinks links = new AnswerLinks(secret);
        String decline = links.token(UUID.fromString(offer), "decline", now().plus(Duration.ofHours(1)));
        String tampered = decline.substring(0, decline.length() - 2) + (decline.endsWith("00") ? "11" : "00");
        String expired = links.token(UUID.fromString(offer), "decline", now().minusSeconds(5));
        String foreign = new AnswerLinks("another-secret-of-16-chars")
                .token(UUID.fromString(offer), "decline", now().plus(Duration.ofHours(1)));

        use(tampered).expectStatus().isNotFound();
        use(expired).expectStatus().isNotFound();
        use(foreign).expectStatus().isNotFound();

        assertThat(statusOf(offer, subject)).isEqualTo("OFFERED");
        assertThat(body(use(decline).expectStatus().isOk()).path("status").asString())
                .isEqualTo("DECLINED");
    }

    private WebTestClient.ResponseSpec open(String token) {
        return http.get()
                .uri("/api/answer-links/{token}", token)
                .accept(MediaType.TEXT_HTML)
                .exchange();
    }

    private WebTestClient.ResponseSpec use(String token) {
        return http.post().uri("/api/answer-links/{token}", token).exchange();
    }
}
