package org.caravan.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenTelemetryVariablesTests {

    @Test
    void withoutAnEndpointNothingIsExported() {
        assertThat(OpenTelemetryVariables.properties(Map.of("PATH", "/usr/bin")))
                .doesNotContainKey(OpenTelemetryVariables.ENDPOINT);
        assertThat(OpenTelemetryVariables.properties(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " ")))
                .isEmpty();
    }

    @Test
    void theBaseEndpointGetsTheTracesPathAsTheSdkWouldAddIt() {
        assertThat(OpenTelemetryVariables.properties(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/")))
                .containsEntry(OpenTelemetryVariables.ENDPOINT, "http://collector:4318/v1/traces");
    }

    @Test
    void theTracesEndpointIsTakenAsItIsAndWinsOverTheBase() {
        assertThat(OpenTelemetryVariables.properties(Map.of(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "https://traces.example.org/otlp")))
                .containsEntry(OpenTelemetryVariables.ENDPOINT, "https://traces.example.org/otlp");
    }

    @Test
    void headersSamplingAndSwitchingOffAreCarriedOver() {
        Map<String, Object> properties = OpenTelemetryVariables.properties(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                "OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer abc, x-tenant=caravan",
                "OTEL_TRACES_SAMPLER_ARG", "0.25",
                "OTEL_SDK_DISABLED", "true"));

        assertThat(properties)
                .containsEntry(OpenTelemetryVariables.HEADERS + ".Authorization", "Bearer abc")
                .containsEntry(OpenTelemetryVariables.HEADERS + ".x-tenant", "caravan")
                .containsEntry(OpenTelemetryVariables.SAMPLING, "0.25")
                .containsEntry(OpenTelemetryVariables.EXPORT, "false");
    }
}
