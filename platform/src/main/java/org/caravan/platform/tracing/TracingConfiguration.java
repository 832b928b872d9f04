package org.caravan.platform.tracing;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

@AutoConfiguration(
        afterName = {
            "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration",
            "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"
        })
public class TracingConfiguration {

    /** With tracing switched off ({@code management.tracing.enabled=false}) nothing is carried, nothing fails. */
    @Bean
    TracePropagation tracePropagation(
            ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator,
            ObjectProvider<ObservationRegistry> observations) {
        return new TracePropagation(
                tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }
}
