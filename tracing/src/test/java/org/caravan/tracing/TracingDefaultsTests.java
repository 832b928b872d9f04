package org.caravan.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class TracingDefaultsTests {

    @Test
    void everyProcessTracesEveryRequestInW3cFormWithTheTraceIdInItsLog() {
        StandardEnvironment environment = processEnvironment(Map.of(), Map.of());

        assertThat(environment.getProperty("management.tracing.sampling.probability"))
                .isEqualTo("1.0");
        assertThat(environment.getProperty("management.tracing.propagation.type"))
                .isEqualTo("W3C");
        assertThat(environment.getProperty("logging.pattern.correlation")).contains("%X{traceId");
        assertThat(environment.getProperty("spring.reactor.context-propagation"))
                .as("thread locals restored only where asked: around every operator costs a third of the CPU")
                .isEqualTo("limited");
        assertThat(environment.getProperty(OpenTelemetryVariables.ENDPOINT)).isNull();
    }

    @Test
    void anOperatorsOtelVariablesWinOverTheDefaultsAndSpringsOwnSettingsOverThem() {
        StandardEnvironment environment = processEnvironment(
                Map.of(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                        "OTEL_TRACES_SAMPLER_ARG", "0.25",
                        "OTEL_EXPORTER_OTLP_HEADERS", "x-tenant=caravan"),
                Map.of(OpenTelemetryVariables.HEADERS + ".x-tenant", "set-in-spring-terms"));

        assertThat(environment.getProperty(OpenTelemetryVariables.ENDPOINT))
                .isEqualTo("http://collector:4318/v1/traces");
        assertThat(environment.getProperty(OpenTelemetryVariables.SAMPLING)).isEqualTo("0.25");
        assertThat(environment.getProperty(OpenTelemetryVariables.HEADERS + ".x-tenant"))
                .isEqualTo("set-in-spring-terms");
    }

    @Test
    void aSecondPassAddsNothingTwice() {
        StandardEnvironment environment = processEnvironment(Map.of(), Map.of());
        int sources = environment.getPropertySources().size();

        new TracingDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().size()).isEqualTo(sources);
    }

    /** An environment as Boot prepares it: the variables given, the process's own settings above them. */
    private static StandardEnvironment processEnvironment(Map<String, Object> variables, Map<String, Object> own) {
        StandardEnvironment environment = new StandardEnvironment() {
            @Override
            public Map<String, Object> getSystemEnvironment() {
                return variables;
            }
        };
        environment.getPropertySources().addFirst(new MapPropertySource("application", own));
        new TracingDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
