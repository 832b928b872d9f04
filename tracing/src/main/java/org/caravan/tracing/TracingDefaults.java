package org.caravan.tracing;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the OTEL_* variables (as Spring properties) and then {@code caravan-tracing.yml} as the lowest-precedence
 * settings of any process that has this module: what the process, its environment or its command line set in
 * Spring's own terms wins over both, and an operator's OTEL_* variable over the yml.
 */
public class TracingDefaults implements EnvironmentPostProcessor {

    static final String VARIABLES = "opentelemetry-variables";
    static final String DEFAULTS = "caravan-tracing-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MutablePropertySources sources = environment.getPropertySources();
        if (sources.contains(VARIABLES)) {
            return;
        }
        Map<String, String> variables = new LinkedHashMap<>();
        environment.getSystemEnvironment().forEach((name, value) -> variables.put(name, String.valueOf(value)));
        sources.addLast(new MapPropertySource(VARIABLES, OpenTelemetryVariables.properties(variables)));
        try {
            new YamlPropertySourceLoader()
                    .load(DEFAULTS, new ClassPathResource("caravan-tracing.yml"))
                    .forEach(sources::addLast);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read caravan-tracing.yml", e);
        }
    }
}
