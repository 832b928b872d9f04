package org.caravan.volunteer.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.platform.TraceIds;
import org.caravan.platform.security.AnswerLinks;
import org.caravan.tracing.testing.CallerTraces;
import org.caravan.volunteer.VolunteerServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The sign-up rush (issue #19): an accept's cost is its round trips to PostgreSQL, so one HTTP accept may send
 * only a few statements, begin and commit included, and commits once. Counted by {@link StatementLog} for the
 * request's trace id, whether the accept confirms, waitlists, or comes through an answer link.
 */
@Import(StatementLog.Configuration.class)
class AnAcceptIsFewStatementsInOneCommitIntegrationTests extends VolunteerServiceIntegrationTest {

    /**
     * Begin; the volunteer's answers serialised; the offer locked with its item and the volunteer's places near
     * it, for the caller; the place taken (or the line joined) with the offer's move; the event; commit. It was 9
     * before issue #19.
     */
    private static final int AT_MOST = 6;

    @Autowired
    StatementLog statements;

    @Value("${caravan.answer-links.secret}")
    String secret;

    @Test
    void anAcceptThatConfirmsIsFewStatementsInOneCommit() {
        UUID item = onlyItem(oneSeat());
        String subject = "reciter-" + UUID.randomUUID();
        String offer = offerToNewVolunteer(item, "reciter", subject, "RECITER");
        String trace = CallerTraces.newTraceId();

        assertThat(status(accept(offer, subject, trace))).isEqualTo("CONFIRMED");

        assertFewInOneCommit(trace);
    }

    @Test
    void aDeclineIsFewStatementsInOneCommit() {
        UUID item = onlyItem(oneSeat());
        String subject = "reciter-" + UUID.randomUUID();
        String offer = offerToNewVolunteer(item, "reciter", subject, "RECITER");
        String trace = CallerTraces.newTraceId();

        assertThat(status(answer(offer, subject, trace, "decline"))).isEqualTo("DECLINED");

        // Begin; the offer locked with its item, for the caller; declined; the event; commit. It was 7.
        assertFewInOneCommit(trace, AT_MOST - 1);
    }

    @Test
    void anAcceptThatWaitlistsIsFewStatementsInOneCommit() {
        UUID item = onlyItem(oneSeat());
        String first = "reciter-" + UUID.randomUUID();
        String second = "reciter-" + UUID.randomUUID();
        String firstOffer = offerToNewVolunteer(item, "reciter", first, "RECITER");
        String secondOffer = offerToNewVolunteer(item, "reciter", second, "RECITER");
        assertThat(status(accept(firstOffer, first, CallerTraces.newTraceId()))).isEqualTo("CONFIRMED");
        String trace = CallerTraces.newTraceId();

        assertThat(status(accept(secondOffer, second, trace))).isEqualTo("WAITLISTED");

        assertFewInOneCommit(trace);
    }

    @Test
    void anAcceptThroughAnAnswerLinkIsFewStatementsInOneCommit() {
        UUID item = onlyItem(oneSeat());
        String subject = "reciter-" + UUID.randomUUID();
        String offer = offerToNewVolunteer(item, "reciter", subject, "RECITER");
        String token =
                new AnswerLinks(secret).token(UUID.fromString(offer), "accept", now().plus(Duration.ofHours(48)));
        String trace = CallerTraces.newTraceId();

        assertThat(status(http.post()
                        .uri("/api/answer-links/{token}", token)
                        .headers(h -> h.set(TraceIds.TRACEPARENT, CallerTraces.traceparent(trace)))
                        .exchange()))
                .isEqualTo("CONFIRMED");

        // The link's nonce is kept in the same transaction: one statement more than a signed-in accept.
        assertFewInOneCommit(trace, AT_MOST + 1);
    }

    private void assertFewInOneCommit(String trace) {
        assertFewInOneCommit(trace, AT_MOST);
    }

    private void assertFewInOneCommit(String trace, int atMost) {
        List<StatementLog.Sent> sent = statements.of(trace);
        String listed = sent.stream()
                .map(s -> (s.autoCommitted() ? "[auto-commit] " : "") + s.what().replaceAll("\\s+", " "))
                .collect(Collectors.joining("\n  ", sent.size() + " round trips:\n  ", ""));
        assertThat(sent).as(listed).hasSizeLessThanOrEqualTo(atMost);
        assertThat(sent.stream().filter(StatementLog.Sent::commits)).as(listed).hasSize(1);
    }

    private VisitSnapshot oneSeat() {
        return scheduledVisitAt(
                site("Statement count hall", 39.93, 116.41), LocalDateTime.of(2026, 11, 3, 10, 0), 90, "reciter", 1);
    }

    private WebTestClient.ResponseSpec accept(String offer, String subject, String trace) {
        return answer(offer, subject, trace, "accept");
    }

    private WebTestClient.ResponseSpec answer(String offer, String subject, String trace, String answer) {
        return http.post()
                .uri("/api/assignments/{id}/" + answer, offer)
                .headers(h -> {
                    h.setBearerAuth(volunteerToken(subject));
                    h.set(TraceIds.TRACEPARENT, CallerTraces.traceparent(trace));
                })
                .exchange();
    }

    private String status(WebTestClient.ResponseSpec answer) {
        return body(answer.expectStatus().isOk()).path("status").asString();
    }
}
