package org.caravan.platform.security;

import java.nio.charset.StandardCharsets;
import org.caravan.platform.TraceIds;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 and 403 from the security filters, as problem+json like every other error. */
final class ProblemResponses {

    private ProblemResponses() {}

    static ServerAuthenticationEntryPoint unauthenticated() {
        return (exchange, ex) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer realm=\"caravan\"");
            return write(exchange, HttpStatus.UNAUTHORIZED, "Unauthorized", "A valid bearer token is required");
        };
    }

    static ServerAccessDeniedHandler forbidden() {
        return (exchange, ex) -> write(exchange, HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this");
    }

    private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String traceId = exchange.getAttributeOrDefault(TraceIds.CONTEXT_KEY, "");
        String body = String.format(
                "{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\",\"instance\":\"%s\",\"traceId\":\"%s\"}",
                title,
                status.value(),
                detail,
                jsonEscape(exchange.getRequest().getPath().value()),
                traceId);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }

    private static String jsonEscape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
