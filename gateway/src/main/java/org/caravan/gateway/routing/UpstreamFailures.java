package org.caravan.gateway.routing;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.observability.DefaultSignalListener;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * A service replica that resets or closes the connection before it answers (it was stopped, or it crashed) is a
 * failed upstream: 502 Bad Gateway, not the 500 of a fault in the gateway itself. The request is not sent again (the
 * replica may have applied it); a client that sees 502 checks before retrying, as the container tests' clients do.
 * Each is logged in the request's trace, so the line leads to the service's side of it.
 */
final class UpstreamFailures implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(UpstreamFailures.class);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        // tap, not doOnError: with limited context propagation it is where the trace id reaches the log's MDC.
        return chain.filter(exchange)
                .tap(() -> new DefaultSignalListener<Void>() {
                    @Override
                    public void doOnError(Throwable e) {
                        if (isUpstreamFailure(e)) {
                            log.warn(
                                    "{} {}: the service closed the connection before it answered ({})",
                                    exchange.getRequest().getMethod(),
                                    exchange.getRequest().getPath(),
                                    e.toString());
                        }
                    }
                })
                .onErrorMap(
                        UpstreamFailures::isUpstreamFailure,
                        e -> new ResponseStatusException(
                                HttpStatus.BAD_GATEWAY,
                                "The service closed the connection before it answered; it may have applied the"
                                        + " request: check before sending it again",
                                e));
    }

    /** The connection to the service failed: reset, closed early, refused. */
    static boolean isUpstreamFailure(Throwable e) {
        return e instanceof PrematureCloseException || e instanceof IOException;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
