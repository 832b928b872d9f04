package org.caravan.platform.web;

import io.micrometer.tracing.TraceContext;
import java.util.Optional;
import org.caravan.platform.TraceIds;
import org.caravan.platform.security.Redaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Tells the caller the trace its request joined (X-Trace-Id) and logs the request under it. The trace itself is
 * Micrometer's server observation, started before any filter from the caller's W3C traceparent or afresh; this
 * filter only reads it, and leaves it in the exchange for problem answers to quote.
 */
public class TraceIdWebFilter implements WebFilter, Ordered {

    public static final String ATTRIBUTE = "caravan.traceId";
    private static final Logger log = LoggerFactory.getLogger(TraceIdWebFilter.class);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<String> traceId = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .flatMap(context -> TraceIds.ofObservation(context))
                .map(TraceContext::traceId);
        traceId.ifPresent(id -> {
            exchange.getAttributes().put(ATTRIBUTE, id);
            exchange.getResponse().getHeaders().set(TraceIds.RESPONSE_HEADER, id);
        });
        return chain.filter(exchange).doFinally(signal -> logRequest(exchange, traceId.orElse(null)));
    }

    private static void logRequest(ServerWebExchange exchange, String traceId) {
        // Probes and scrapes would drown the requests people make.
        if (!log.isInfoEnabled() || exchange.getRequest().getPath().value().startsWith("/actuator")) {
            return;
        }
        // The request's scope may be closed by now, on whichever thread completes it: name its trace here.
        String outer = MDC.get(TraceIds.MDC_KEY);
        if (traceId != null) {
            MDC.put(TraceIds.MDC_KEY, traceId);
        }
        try {
            log.info(
                    "{} {} -> {}",
                    exchange.getRequest().getMethod(),
                    Redaction.redact(exchange.getRequest().getPath().value()),
                    exchange.getResponse().getStatusCode());
        } finally {
            if (outer == null) {
                MDC.remove(TraceIds.MDC_KEY);
            } else {
                MDC.put(TraceIds.MDC_KEY, outer);
            }
        }
    }

    @Override
    public int getOrder() {
        // Before security, so that refused requests are traced and logged too.
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
