package org.caravan.platform.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.caravan.platform.TraceIds;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Carries a trace across a hop that no library instruments: a row written now and acted on later (an outbox
 * event, a delivery), in W3C traceparent form. Micrometer Tracing's propagator writes and reads it.
 */
public class TracePropagation {

    private final Tracer tracer;
    private final Propagator propagator;
    private final ObservationRegistry observations;

    public TracePropagation(Tracer tracer, Propagator propagator, ObservationRegistry observations) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.observations = observations;
    }

    /** The traceparent of the work in this Reactor context, to store with what it writes. */
    public Optional<String> traceparent(ContextView context) {
        return TraceIds.currentContext(context).flatMap(this::traceparent);
    }

    Optional<String> traceparent(TraceContext context) {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return Optional.ofNullable(carrier.get(TraceIds.TRACEPARENT));
    }

    /**
     * A started span continuing the stored {@code traceparent}, or starting a trace when there is none (work no
     * request caused, such as a scheduled reminder). The caller ends it.
     */
    public Span continueFrom(String traceparent, String name, Span.Kind kind) {
        Span.Builder builder = traceparent == null
                ? tracer.spanBuilder().setNoParent()
                : propagator.extract(Map.of(TraceIds.TRACEPARENT, traceparent), Map::get);
        return builder.name(name).kind(kind).start();
    }

    /**
     * Runs {@code work} as the observation {@code name}, continuing the stored {@code traceparent} (or starting a
     * trace): its log lines name the trace, and what it writes or sends carries it on.
     */
    public <T> Mono<T> continuing(String traceparent, String name, Mono<T> work) {
        return Mono.defer(() -> {
            ReceiverContext<Map<String, String>> context = new ReceiverContext<>(Map::get);
            context.setCarrier(traceparent == null ? Map.of() : Map.of(TraceIds.TRACEPARENT, traceparent));
            Observation observation = Observation.createNotStarted(name, () -> context, observations)
                    .start();
            return work.contextWrite(reactor -> reactor.put(ObservationThreadLocalAccessor.KEY, observation))
                    .doOnError(observation::error)
                    .doFinally(signal -> observation.stop());
        });
    }

    /** Writes the span's context as headers (traceparent, and whatever else the propagator carries). */
    public <C> void inject(Span span, C carrier, Propagator.Setter<C> setter) {
        propagator.inject(span.context(), carrier, setter);
    }

    public Tracer tracer() {
        return tracer;
    }
}
