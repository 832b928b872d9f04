package org.caravan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiIntegrationTests extends GatewayIntegrationTest {

    private static final String SCRIPT_TOKEN = "Bearer a-token-the-gateway-does-not-read";

    @Test
    void anApiCallWithoutSessionOrTokenIsAnswered401AsProblemDetailsAndAPageIsSentToSignIn() {
        Answer api = send(request("/api/visits").GET());
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.json().path("status").asInt()).isEqualTo(401);

        Answer me = send(request("/api/me").GET());
        assertThat(me.status()).isEqualTo(401);

        Answer page = send(request("/").header("Accept", "text/html").GET());
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/oauth2/authorization/caravan");
    }

    @Test
    void aRequestWithItsOwnBearerTokenPassesUnchangedWithoutCsrf() {
        Answer read = send(request("/api/pledges?visitId=v1")
                .header("Authorization", SCRIPT_TOKEN)
                .GET());
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().path("service").asString()).isEqualTo("donation-service");
        assertThat(read.json().path("authorization").asString()).isEqualTo(SCRIPT_TOKEN);
        assertThat(read.json().path("query").asString()).isEqualTo("visitId=v1");

        Answer write = send(request("/api/pledges/p1/receive")
                .header("Authorization", SCRIPT_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"quantities\":[]}")));
        assertThat(write.status()).as(write.body()).isEqualTo(200);
        assertThat(write.json().path("authorization").asString()).isEqualTo(SCRIPT_TOKEN);
    }

    @Test
    void aReplicaClosingTheConnectionBeforeItAnswersIsA502SoTheClientKnowsToCheckBeforeRetrying() {
        Answer failed = send(request(Backends.STOPPING_REPLICA)
                .header("Authorization", SCRIPT_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(failed.status()).as(failed.body()).isEqualTo(502);
    }

    @Test
    void answerLinksAndTheCalendarFeedWorkWithoutASession() {
        Answer page = send(request("/api/answer-links/link-token-1").GET());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("service").asString()).isEqualTo("volunteer-service");
        assertThat(page.json().path("authorization").isNull()).isTrue();

        Answer answered = send(request("/api/answer-links/link-token-1").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(answered.status())
                .as("the link's form posts without a CSRF token")
                .isEqualTo(200);
        assertThat(answered.json().path("method").asString()).isEqualTo("POST");

        Answer feed =
                send(request("/api/volunteers/me/calendar.ics?token=feed-token").GET());
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.json().path("path").asString()).isEqualTo("/api/volunteers/me/calendar.ics");
        assertThat(feed.json().path("query").asString()).isEqualTo("token=feed-token");
    }

    @Test
    void eachSampledPathReachesItsService() {
        Map<String, String> samples = Map.ofEntries(
                Map.entry("/api/visits", "event-service"),
                Map.entry("/api/visits/v1", "event-service"),
                Map.entry("/api/visits.ics", "event-service"),
                Map.entry("/api/visits/v1/programme-items/i1", "event-service"),
                Map.entry("/api/sites/s1", "event-service"),
                Map.entry("/api/visits/v1/staffing", "volunteer-service"),
                Map.entry("/api/programme-items/i1/suggestions?role=speaker", "volunteer-service"),
                Map.entry("/api/teams", "volunteer-service"),
                Map.entry("/api/visits/v1/donations", "donation-service"),
                Map.entry("/api/donors/d1/statement", "donation-service"),
                Map.entry("/api/donation-programmes", "donation-service"),
                Map.entry("/api/reminders", "notification-service"),
                Map.entry("/api/deliveries", "notification-service"));
        samples.forEach((path, service) -> {
            Answer answer =
                    send(request(path).header("Authorization", SCRIPT_TOKEN).GET());
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.json().path("service").asString()).as(path).isEqualTo(service);
            assertThat(answer.json().path("path").asString()).as(path).isEqualTo(path.replaceAll("\\?.*", ""));
        });
        Answer unknown = send(request("/api/nothing-here")
                .header("Authorization", SCRIPT_TOKEN)
                .GET());
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void eachServicesDeadLettersAreReachedUnderOperationsWithTheServicesOwnPath() {
        Map<String, String> services = Map.of(
                "event", "event-service",
                "volunteer", "volunteer-service",
                "donation", "donation-service",
                "notification", "notification-service");
        services.forEach((shortName, service) -> {
            String prefix = "/api/operations/" + shortName + "/dead-letters";
            Answer list = send(request(prefix + "?status=WAITING&page=0&size=50")
                    .header("Authorization", SCRIPT_TOKEN)
                    .GET());
            assertThat(list.status()).as(prefix).isEqualTo(200);
            assertThat(list.json().path("service").asString()).as(prefix).isEqualTo(service);
            assertThat(list.json().path("path").asString()).as(prefix).isEqualTo("/api/dead-letters");
            assertThat(list.json().path("query").asString()).as(prefix).isEqualTo("status=WAITING&page=0&size=50");

            Answer discard = send(request(prefix + "/dl-1/discard")
                    .header("Authorization", SCRIPT_TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"duplicate\"}")));
            assertThat(discard.status()).as(prefix).isEqualTo(200);
            assertThat(discard.json().path("service").asString()).as(prefix).isEqualTo(service);
            assertThat(discard.json().path("path").asString()).as(prefix).isEqualTo("/api/dead-letters/dl-1/discard");
            assertThat(discard.json().path("authorization").asString()).isEqualTo(SCRIPT_TOKEN);
        });
        for (String path : List.of(
                "/api/operations/identity/dead-letters",
                "/api/operations/gateway/dead-letters/dl-1",
                "/api/operations/event/dead-lettersx",
                "/api/dead-letters")) {
            Answer unknown =
                    send(request(path).header("Authorization", SCRIPT_TOKEN).GET());
            assertThat(unknown.status()).as(path).isEqualTo(404);
        }
    }

    @Test
    void eachServicesOpenApiDocumentIsServedUnderApiDocs() {
        Answer docs = send(request("/api-docs/volunteer").GET());
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("service").asString()).isEqualTo("volunteer-service");
        assertThat(docs.json().path("path").asString()).isEqualTo("/v3/api-docs");
        assertThat(send(request("/api-docs/notification").GET())
                        .json()
                        .path("service")
                        .asString())
                .isEqualTo("notification-service");
    }

    @Test
    void theInboxStreamPassesThroughEventByEventNotBuffered() throws Exception {
        long start = System.nanoTime();
        HttpResponse<java.util.stream.Stream<String>> response = HTTP.send(
                request("/api/inbox/stream")
                        .header("Accept", "text/event-stream")
                        .header("Authorization", SCRIPT_TOKEN)
                        .timeout(Duration.ofSeconds(20))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        List<String> data = new ArrayList<>();
        List<Long> arrivals = new ArrayList<>();
        response.body().filter(line -> line.startsWith("data:")).limit(2).forEach(line -> {
            data.add(line);
            arrivals.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
        });

        assertThat(data).containsExactly("data: first " + SCRIPT_TOKEN, "data: second");
        assertThat(arrivals.get(0))
                .as("the first event arrives before the second is sent")
                .isLessThan(Backends.STREAM_PAUSE_MILLIS);
        assertThat(arrivals.get(1) - arrivals.get(0)).isGreaterThanOrEqualTo(Backends.STREAM_PAUSE_MILLIS - 200);
    }

    @Test
    void pagesAndProxiedAnswersCarryTheSecurityHeaders() {
        for (Answer answer : List.of(
                send(request("/").header("Accept", "text/html").GET()),
                send(request("/api/teams").header("Authorization", SCRIPT_TOKEN).GET()),
                send(request("/assets/signin-error.css").GET()))) {
            assertThat(answer.header("Content-Security-Policy"))
                    .contains("default-src 'self'", "frame-ancestors 'none'", "script-src 'self'");
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        }
    }

    @Test
    void aBodyAboveTheSizeLimitIsRefused() {
        Answer answer = send(request("/api/visits")
                .header("Authorization", SCRIPT_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(1_100_000))));
        assertThat(answer.status()).isEqualTo(413);
    }

    @Test
    void tooManyAnswerLinkRequestsFromOneAddressAreAnswered429WithRetryAfter() {
        List<Integer> statuses = new ArrayList<>();
        Answer last = null;
        for (int i = 0; i < 10; i++) {
            last = send(request("/api/answer-links/guess-" + i)
                    .header("X-Forwarded-For", "203.0.113.7")
                    .GET());
            statuses.add(last.status());
        }
        assertThat(statuses.subList(0, 8)).containsOnly(200);
        assertThat(statuses.subList(8, 10)).containsOnly(429);
        assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(last.header("Content-Type")).startsWith("application/problem+json");

        Answer elsewhere = send(request("/api/answer-links/guess-x")
                .header("X-Forwarded-For", "203.0.113.8")
                .GET());
        assertThat(elsewhere.status()).as("another address has its own bucket").isEqualTo(200);
    }

    @Test
    void aClientThatSendsItsRequestTooSlowlyIsCutOff() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", PORT)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/visits HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(waited)
                    .as("closed after the header timeout (1 s), answered: %s", answer)
                    .isLessThan(5_000);
        }
    }

    @Test
    void healthReadinessAndMetricsAnswerOnTheManagementPort() {
        for (String path : List.of("/actuator/health/readiness", "/actuator/health/liveness", "/actuator/prometheus")) {
            Answer answer =
                    send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + MANAGEMENT_PORT + path))
                            .GET());
            assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        }
        assertThat(send(request("/actuator/health").GET()).status())
                .as("not on the public port")
                .isIn(401, 404, 302);
    }
}
