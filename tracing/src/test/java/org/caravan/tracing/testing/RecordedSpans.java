package org.caravan.tracing.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The spans a process under test finished, handed over as its OTLP exporter is: Boot's batch processor sends each
 * to every exporter bean. A test imports {@link Exporter} and reads what a collector would receive.
 */
public final class RecordedSpans implements SpanExporter {

    private final List<SpanData> spans = new CopyOnWriteArrayList<>();

    public List<SpanData> ofTrace(String traceId) {
        return spans.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    /** The trace's one span of this kind, waited for while the batches of its spans are exported. */
    public SpanData awaitOnly(String traceId, SpanKind kind) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ofTrace(traceId))
                .extracting(SpanData::getKind)
                .contains(kind));
        List<SpanData> ofKind =
                ofTrace(traceId).stream().filter(span -> span.getKind() == kind).toList();
        assertThat(ofKind).as("the %s spans of %s", kind, ofTrace(traceId)).hasSize(1);
        return ofKind.get(0);
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> finished) {
        spans.addAll(finished);
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Exporter {

        @Bean
        RecordedSpans recordedSpans() {
            return new RecordedSpans();
        }
    }
}
