package org.caravan.platform;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.Optional;
import reactor.util.context.ContextView;

/**
 * The trace a piece of work belongs to, as Micrometer Tracing keeps it: a request's server observation, a
 * consumed record's observation, the relay's publishing span. Work reads it from its Reactor context, where
 * Spring puts the current observation, so the outbox can hand it on through Kafka.
 */
public final class TraceIds {

    /** The key Micrometer Tracing writes the trace id under in the logging MDC. */
    public static final String MDC_KEY = "traceId";

    public static final String TRACEPARENT = "traceparent";
    public static final String RESPONSE_HEADER = "X-Trace-Id";

    private TraceIds() {}

    /** The trace context of the observation in this Reactor context, when it is traced. */
    public static Optional<TraceContext> currentContext(ContextView context) {
        return context.<Observation>getOrEmpty(ObservationThreadLocalAccessor.KEY)
                .flatMap(TraceIds::traceContext);
    }

    public static Optional<String> current(ContextView context) {
        return currentContext(context).map(TraceContext::traceId);
    }

    public static Optional<TraceContext> traceContext(Observation observation) {
        if (observation == null || observation.isNoop()) {
            return Optional.empty();
        }
        return ofObservation(observation.getContextView());
    }

    /** The span a tracing handler attached to this observation's context, if one did. */
    public static Optional<TraceContext> ofObservation(Observation.ContextView observation) {
        TracingObservationHandler.TracingContext tracing =
                observation.get(TracingObservationHandler.TracingContext.class);
        return Optional.ofNullable(tracing)
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(Span::context);
    }
}
