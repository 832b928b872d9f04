package org.caravan.tracing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OpenTelemetry SDK's standard environment variables, as the Spring properties Boot reads: an operator sets
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} as for any OpenTelemetry program and Caravan's traces go there. Without an
 * endpoint nothing is exported (trace ids still reach the logs). Boot itself reads {@code OTEL_SERVICE_NAME} and
 * {@code OTEL_RESOURCE_ATTRIBUTES}; a Spring property set explicitly wins over these.
 */
public final class OpenTelemetryVariables {

    static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";
    static final String HEADERS = "management.opentelemetry.tracing.export.otlp.headers";
    static final String SAMPLING = "management.tracing.sampling.probability";
    static final String EXPORT = "management.tracing.export.enabled";

    private OpenTelemetryVariables() {}

    public static Map<String, Object> properties(Map<String, String> environment) {
        Map<String, Object> properties = new LinkedHashMap<>();
        String traces = blankToNull(environment.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"));
        String base = blankToNull(environment.get("OTEL_EXPORTER_OTLP_ENDPOINT"));
        if (traces != null) {
            properties.put(ENDPOINT, traces);
        } else if (base != null) {
            // The SDK's rule for the base endpoint over HTTP: each signal has its own path under it.
            properties.put(ENDPOINT, base.replaceAll("/+$", "") + "/v1/traces");
        }
        String headers = blankToNull(environment.getOrDefault(
                "OTEL_EXPORTER_OTLP_TRACES_HEADERS", environment.get("OTEL_EXPORTER_OTLP_HEADERS")));
        if (headers != null) {
            for (String pair : headers.split(",")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    properties.put(
                            HEADERS + "." + pair.substring(0, equals).trim(),
                            pair.substring(equals + 1).trim());
                }
            }
        }
        String ratio = blankToNull(environment.get("OTEL_TRACES_SAMPLER_ARG"));
        if (ratio != null) {
            properties.put(SAMPLING, ratio);
        }
        if ("true".equalsIgnoreCase(environment.get("OTEL_SDK_DISABLED"))
                || "none".equalsIgnoreCase(environment.get("OTEL_TRACES_EXPORTER"))) {
            properties.put(EXPORT, "false");
        }
        return properties;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
