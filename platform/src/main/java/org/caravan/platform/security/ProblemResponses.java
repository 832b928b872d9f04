package org.caravan.platform.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caravan.platform.web.TraceIdWebFilter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** 400, 401 and 403 from the security filters, as problem+json like every other error. */
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

    /**
     * The firewall's refusals (an encoded NUL, "..", a malformed header) are 400 problem+json naming the part of
     * the request, not an empty 400.
     */
    static ServerExchangeRejectedHandler rejected() {
        return (exchange, ex) -> {
            String message = String.valueOf(ex.getMessage());
            String part = message.toLowerCase(java.util.Locale.ROOT).contains("header") ? "header" : "path";
            return write(
                    exchange,
                    HttpStatus.BAD_REQUEST,
                    "Invalid request",
                    "The request was refused before it was read",
                    List.of(Map.of("field", part, "message", message)));
        };
    }

    private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        return write(exchange, status, title, detail, List.of());
    }

    private static Mono<Void> write(
            ServerWebExchange exchange,
            HttpStatus status,
            String title,
            String detail,
            List<Map<String, String>> errors) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        problem.put("traceId", exchange.getAttributeOrDefault(TraceIdWebFilter.ATTRIBUTE, ""));
        byte[] body = JsonMapper.shared().writeValueAsBytes(problem);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
