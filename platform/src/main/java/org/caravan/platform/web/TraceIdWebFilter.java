package org.caravan.platform.web;

import org.caravan.platform.TraceIds;
import org.caravan.platform.security.Redaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request a trace id (the caller's W3C traceparent, or a new one), returns it as X-Trace-Id, and
 * hands it to the outbox through the Reactor context so the events the request causes carry it on.
 */
public class TraceIdWebFilter implements WebFilter, Ordered {

    public static final String ATTRIBUTE = TraceIds.CONTEXT_KEY;
    private static final Logger log = LoggerFactory.getLogger(TraceIdWebFilter.class);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String traceId = TraceIds.fromTraceparent(
                        exchange.getRequest().getHeaders().getFirst(TraceIds.TRACEPARENT))
                .orElseGet(TraceIds::newTraceId);
        exchange.getAttributes().put(ATTRIBUTE, traceId);
        exchange.getResponse().getHeaders().set(TraceIds.RESPONSE_HEADER, traceId);
        return chain.filter(exchange)
                .doFinally(signal -> logRequest(exchange, traceId))
                .contextWrite(context -> context.put(TraceIds.CONTEXT_KEY, traceId));
    }

    private static void logRequest(ServerWebExchange exchange, String traceId) {
        // Probes and scrapes would drown the requests people make.
        if (!log.isInfoEnabled() || exchange.getRequest().getPath().value().startsWith("/actuator")) {
            return;
        }
        MDC.put(TraceIds.MDC_KEY, traceId);
        try {
            log.info(
                    "{} {} -> {}",
                    exchange.getRequest().getMethod(),
                    Redaction.redact(exchange.getRequest().getPath().value()),
                    exchange.getResponse().getStatusCode());
        } finally {
            MDC.remove(TraceIds.MDC_KEY);
        }
    }

    @Override
    public int getOrder() {
        // Before security, so that refused requests are traced and logged too.
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
