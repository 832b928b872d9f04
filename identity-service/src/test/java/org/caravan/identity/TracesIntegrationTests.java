package org.caravan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.net.http.HttpRequest;
import org.caravan.tracing.testing.CallerTraces;
import org.caravan.tracing.testing.RecordedSpans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The provider's requests join the caller's trace (the gateway's, on a sign-in), exported as a collector gets them. */
class TracesIntegrationTests extends IdentityIntegrationTest {

    @Autowired
    RecordedSpans spans;

    @Test
    void aRequestsServerSpanContinuesTheCallersTrace() {
        String traceId = CallerTraces.newTraceId();
        String callers = CallerTraces.traceparent(traceId);

        Answer discovery = send(HttpRequest.newBuilder(URI.create(BASE + "/.well-known/openid-configuration"))
                .header("traceparent", callers)
                .GET());

        assertThat(discovery.status()).isEqualTo(200);
        SpanData server = spans.awaitOnly(traceId, SpanKind.SERVER);
        assertThat(server.getParentSpanId()).isEqualTo(CallerTraces.spanIdOf(callers));
        assertThat(server.getResource().getAttribute(AttributeKey.stringKey("service.name")))
                .isEqualTo("identity-service");
    }
}
