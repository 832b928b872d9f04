package org.caravan.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.caravan.tracing.testing.CallerTraces;
import org.caravan.tracing.testing.RecordedSpans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A request's trace starts (or goes on) at the gateway: its server span continues the caller's traceparent, its call
 * to the service is a child span whose context the service receives as its traceparent, and both are exported as a
 * collector would receive them.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracesIntegrationTests extends GatewayIntegrationTest {

    private static final String SCRIPT_TOKEN = "Bearer a-token-the-gateway-does-not-read";

    @Autowired
    RecordedSpans spans;

    @Test
    void theServiceReceivesTheCallersTraceFromTheGatewaysClientSpanUnderItsServerSpan() {
        String traceId = CallerTraces.newTraceId();
        String callers = CallerTraces.traceparent(traceId);

        Answer answer = send(request("/api/pledges?visitId=v1")
                .header("Authorization", SCRIPT_TOKEN)
                .header("traceparent", callers)
                .GET());

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        String received = answer.json().path("traceparent").asString();
        assertThat(CallerTraces.traceIdOf(received)).isEqualTo(traceId);
        assertThat(CallerTraces.spanIdOf(received))
                .as("the service's parent is the gateway's span, not the caller's")
                .isNotEqualTo(CallerTraces.spanIdOf(callers));
        SpanData server = spans.awaitOnly(traceId, SpanKind.SERVER);
        SpanData client = spans.awaitOnly(traceId, SpanKind.CLIENT);
        assertThat(server.getParentSpanId()).isEqualTo(CallerTraces.spanIdOf(callers));
        assertThat(ancestorsOf(client, traceId))
                .as("the client span's ancestors in %s", spans.ofTrace(traceId))
                .extracting(SpanData::getSpanId)
                .contains(server.getSpanId());
        assertThat(client.getSpanId()).isEqualTo(CallerTraces.spanIdOf(received));
        assertThat(server.getResource().getAttribute(AttributeKey.stringKey("service.name")))
                .isEqualTo("gateway");
    }

    @Test
    void aRequestWithoutACallersTraceStartsOneAtTheGateway() {
        Answer answer = send(request("/api/pledges?visitId=v1")
                .header("Authorization", SCRIPT_TOKEN)
                .GET());

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        String traceId =
                CallerTraces.traceIdOf(answer.json().path("traceparent").asString());
        SpanData server = spans.awaitOnly(traceId, SpanKind.SERVER);
        assertThat(server.getParentSpanContext().isValid()).isFalse();
    }

    @Test
    void theGatewaysLogLineOfAFailedServiceNamesTheRequestsTrace(CapturedOutput output) {
        String traceId = CallerTraces.newTraceId();

        Answer failed = send(request(Backends.STOPPING_REPLICA)
                .header("Authorization", SCRIPT_TOKEN)
                .header("traceparent", CallerTraces.traceparent(traceId))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(failed.status()).isEqualTo(502);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(output.getOut().lines()).anySatisfy(line -> assertThat(line)
                        .contains("[" + traceId + "]")
                        .contains("the service closed the connection")));
    }

    /** The span's parent, its parent's parent, and so on, as far as the trace's recorded spans go. */
    private List<SpanData> ancestorsOf(SpanData span, String traceId) {
        List<SpanData> trace = spans.ofTrace(traceId);
        List<SpanData> ancestors = new ArrayList<>();
        String parent = span.getParentSpanId();
        while (true) {
            String id = parent;
            SpanData next = trace.stream()
                    .filter(candidate -> candidate.getSpanId().equals(id))
                    .findFirst()
                    .orElse(null);
            if (next == null) {
                return ancestors;
            }
            ancestors.add(next);
            parent = next.getParentSpanId();
        }
    }
}
