package org.caravan.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
