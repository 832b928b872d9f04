package org.caravan.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.caravan.notification.NotificationServiceIntegrationTest;
import org.caravan.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;

class InboxStreamIntegrationTests extends NotificationServiceIntegrationTest {

    @Test
    void aStreamEndsWhenTheTokenItWasOpenedWithExpiresAndSaysSo() {
        String token = TestInfrastructure.tokens()
                .mint("short-lived-" + UUID.randomUUID(), List.of("volunteer"), Duration.ofSeconds(3));

        List<ServerSentEvent<JsonNode>> events = open(token)
                .expectStatus()
                .isOk()
                .returnResult(EVENTS)
                .getResponseBody()
                .collectList()
                .block(Duration.ofSeconds(20));

        assertThat(events).isNotEmpty();
        assertThat(events.get(events.size() - 1).event()).isEqualTo("token-expired");
    }

    @Test
    void aPersonHoldsFiveStreamsAtMostAndGetsOneBackWhenOneCloses() {
        String token = TestInfrastructure.tokens()
                .mint("many-tabs-" + UUID.randomUUID(), List.of("volunteer"), Duration.ofMinutes(2));
        List<Disposable> listening = new ArrayList<>();
        try {
            for (int tab = 0; tab < 5; tab++) {
                listening.add(open(token)
                        .expectStatus()
                        .isOk()
                        .returnResult(EVENTS)
                        .getResponseBody()
                        .subscribe());
            }

            open(token).expectStatus().isEqualTo(429).expectBody(String.class).value(body -> assertThat(body)
                    .contains("Too many inbox streams"));

            listening.remove(0).dispose();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                var again = open(token).returnResult(EVENTS);
                assertThat(again.getStatus().value()).isEqualTo(200);
                listening.add(again.getResponseBody().subscribe());
            });
        } finally {
            listening.forEach(Disposable::dispose);
        }
    }

    @Test
    void anEntryCommittedAfterALaterStampedOneStillArrivesAndEachArrivesOnce() {
        String subject = "late-commit-" + UUID.randomUUID();
        String token = TestInfrastructure.tokens().mint(subject, List.of("volunteer"), Duration.ofMinutes(2));
        List<String> titles = new CopyOnWriteArrayList<>();
        AtomicBoolean connected = new AtomicBoolean();
        Disposable listening = open(token)
                .expectStatus()
                .isOk()
                .returnResult(EVENTS)
                .getResponseBody()
                .subscribe(
                        event -> {
                            if ("connected".equals(event.comment())) {
                                connected.set(true);
                            } else if ("notice".equals(event.event())) {
                                titles.add(event.data().get("title").asString());
                            }
                        },
                        failure -> titles.add("failed: " + failure));
        try {
            await().atMost(Duration.ofSeconds(10)).untilTrue(connected);
            Instant now = now();
            entryStamped(subject, "stamped second, committed first", now.plusSeconds(2));
            await().atMost(Duration.ofSeconds(20)).until(() -> titles.contains("stamped second, committed first"));
            // As a consumer's transaction that wrote its copy earlier but committed only now.
            entryStamped(subject, "stamped first, committed second", now.plusSeconds(1));
            await().atMost(Duration.ofSeconds(20)).until(() -> titles.contains("stamped first, committed second"));

            // A fence: an entry stamped and committed after both; once it arrives, a repeat of either would have too.
            entryStamped(subject, "fence", now.plusSeconds(3));
            await().atMost(Duration.ofSeconds(20)).until(() -> titles.contains("fence"));
            assertThat(titles)
                    .containsExactly("stamped second, committed first", "stamped first, committed second", "fence");
        } finally {
            listening.dispose();
        }
    }

    private void entryStamped(String recipient, String title, Instant createdAt) {
        database.sql(
                        """
                        insert into inbox_entry (recipient, kind, subject_id, title, body, event_id, created_at)
                        values (:recipient, 'ASSIGNMENT_CONFIRMED', 'assignment-1', :title, 'body', gen_random_uuid(), :at)
                        """)
                .bind("recipient", recipient)
                .bind("title", title)
                .bind("at", createdAt)
                .then()
                .block(Duration.ofSeconds(10));
    }

    private static final ParameterizedTypeReference<ServerSentEvent<JsonNode>> EVENTS =
            new ParameterizedTypeReference<>() {};

    private WebTestClient.ResponseSpec open(String token) {
        return http.get()
                .uri("/api/inbox/stream")
                .headers(h -> h.setBearerAuth(token))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange();
    }
}
