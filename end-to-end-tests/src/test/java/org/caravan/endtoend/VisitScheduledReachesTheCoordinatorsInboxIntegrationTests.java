package org.caravan.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.caravan.infrastructure.DemoScenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The thin flow through the whole system: a coordinator enters the Dandelion School visit (the demo fixture)
 * and schedules it at event-service; the visit and its VisitScheduled event commit together; the relay publishes it; notification-service consumes it and the
 * coordinator finds it in their inbox, with one trace id from the HTTP request to the consumer's log.
 */
class VisitScheduledReachesTheCoordinatorsInboxIntegrationTests {

    private static final String COORDINATOR = "coordinator-li";
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static RunningCaravan caravan;

    @BeforeAll
    static void startCaravan() throws Exception {
        caravan = RunningCaravan.shared();
    }

    @Test
    void coordinatorSchedulesAVisitAndFindsItInTheirInboxWithOneTraceIdAcrossServices() throws Exception {
        String coordinatorToken = caravan.token(COORDINATOR, "coordinator");
        String visitId = new DemoScenario(caravan.service("event-service").baseUrl(), coordinatorToken).draft();
        var scheduled =
                caravan.send(caravan.request("event-service", "/api/visits/" + visitId + "/schedule", coordinatorToken)
                        .header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01")
                        .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(scheduled.statusCode()).isEqualTo(200);
        assertThat(scheduled.headers().firstValue("X-Trace-Id")).contains(TRACE_ID);
        assertThat(json(scheduled.body()).path("programme").size()).isEqualTo(8);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(inboxOf(coordinatorToken))
                .anySatisfy(
                        entry -> assertThat(entry.get("subjectId").asString()).isEqualTo(visitId)));

        assertThat(inboxOf(caravan.token("volunteer-wang", "volunteer"))).isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jsonLogLines("notification-service"))
                .anySatisfy(line -> {
                    assertThat(line.path("traceId").asString()).isEqualTo(TRACE_ID);
                    assertThat(line.path("message").asString())
                            .isEqualTo("notification-service.visits applied org.caravan.visit.scheduled.v1 for "
                                    + visitId);
                }));
        assertThat(Files.readString(caravan.service("event-service").log())).contains(TRACE_ID);
    }

    @Test
    void aRequestsTraceReachesTheCollectorFromEveryServiceItTouchedAcrossKafka() throws Exception {
        String traceId = newTraceId();
        String callersSpan = "00f067aa0ba902b7";
        String coordinatorToken = caravan.token(COORDINATOR, "coordinator");
        String visitId = new DemoScenario(caravan.service("event-service").baseUrl(), coordinatorToken).draft();

        var scheduled =
                caravan.send(caravan.request("event-service", "/api/visits/" + visitId + "/schedule", coordinatorToken)
                        .header("traceparent", "00-" + traceId + "-" + callersSpan + "-01")
                        .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(scheduled.statusCode()).isEqualTo(200);

        List<String> touched =
                List.of("event-service", "volunteer-service", "donation-service", "notification-service");
        // A consumer's span ends, and is exported, after the spans it contains: wait for the whole picture.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<OtlpReceiver.ReceivedSpan> spans = caravan.traces().spansOf(traceId);
            assertThat(spans).extracting(OtlpReceiver.ReceivedSpan::service).containsAll(touched);
            OtlpReceiver.ReceivedSpan request = spans.stream()
                    .filter(span -> span.service().equals("event-service")
                            && span.kind().equals("SPAN_KIND_SERVER"))
                    .findFirst()
                    .orElseThrow();
            assertThat(request.parentSpanId()).isEqualTo(callersSpan);
            OtlpReceiver.ReceivedSpan publication = spans.stream()
                    .filter(span -> span.service().equals("event-service")
                            && span.kind().equals("SPAN_KIND_PRODUCER"))
                    .filter(span -> span.name().contains("caravan.visits"))
                    .findFirst()
                    .orElseThrow();
            assertThat(spans)
                    .filteredOn(span -> span.kind().equals("SPAN_KIND_CONSUMER"))
                    .as("each consumer continues the relay's publication")
                    .anySatisfy(span -> {
                        assertThat(span.service()).isEqualTo("notification-service");
                        assertThat(span.parentSpanId()).isEqualTo(publication.spanId());
                    })
                    .anySatisfy(span -> assertThat(span.service()).isEqualTo("volunteer-service"))
                    .anySatisfy(span -> assertThat(span.service()).isEqualTo("donation-service"));
        });
        for (String service : touched) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                            Files.readString(caravan.service(service).log()))
                    .as(service + "'s log")
                    .contains(traceId));
        }
    }

    @Test
    void everyServiceAnswersWithoutATokenOnlyWithA401Problem() {
        for (String service :
                new String[] {"event-service", "volunteer-service", "donation-service", "notification-service"}) {
            var response = caravan.send(caravan.request(service, "/api/anything", "not-a-token"));
            assertThat(response.statusCode()).as(service).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(service)
                    .contains("application/problem+json");
        }
    }

    /** A trace id of the caller's, as a W3C traceparent carries it. */
    private static String newTraceId() {
        byte[] id = new byte[16];
        new java.security.SecureRandom().nextBytes(id);
        return java.util.HexFormat.of().formatHex(id);
    }

    /** The service's structured log: one JSON object per line (other lines are the JVM's own output). */
    private static java.util.List<JsonNode> jsonLogLines(String service) throws java.io.IOException {
        return Files.readAllLines(caravan.service(service).log()).stream()
                .filter(line -> line.startsWith("{"))
                .map(VisitScheduledReachesTheCoordinatorsInboxIntegrationTests::json)
                .toList();
    }

    private static java.util.List<JsonNode> inboxOf(String token) {
        var response = caravan.send(caravan.request("notification-service", "/api/inbox", token));
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response.body()).valueStream().toList();
    }

    private static JsonNode json(String body) {
        return JsonMapper.shared().readTree(body);
    }
}
