package org.caravan.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.caravan.platform.TraceIds;
import reactor.util.context.ContextView;

/**
 * Carries a trace across a hop that no library instruments: a row written now and acted on later (an outbox
 * event, a delivery), in W3C traceparent form. Micrometer Tracing's propagator writes and reads it.
 */
public class TracePropagation {

    private final Tracer tracer;
    private final Propagator propagator;

    public TracePropagation(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
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

    /** Writes the span's context as headers (traceparent, and whatever else the propagator carries). */
    public <C> void inject(Span span, C carrier, Propagator.Setter<C> setter) {
        propagator.inject(span.context(), carrier, setter);
    }

    public Tracer tracer() {
        return tracer;
    }
}
