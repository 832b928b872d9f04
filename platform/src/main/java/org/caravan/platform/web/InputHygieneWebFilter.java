package org.caravan.platform.web;

import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Query parameters and paths carrying U+0000 are refused before anything reads them (PostgreSQL cannot store or
 * compare that character), with problem+json naming the parameter, so they never become a 500.
 */
final class InputHygieneWebFilter implements WebFilter, Ordered {

    /** After Spring Security's chain (-100): authorization comes first, even for a malformed query. */
    @Override
    public int getOrder() {
        return -50;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String refused = null;
        if (exchange.getRequest().getPath().value().indexOf('\u0000') >= 0) {
            refused = "path";
        } else {
            for (Map.Entry<String, List<String>> parameter :
                    exchange.getRequest().getQueryParams().entrySet()) {
                if (parameter.getKey().indexOf('\u0000') >= 0
                        || parameter.getValue().stream().anyMatch(v -> v != null && v.indexOf('\u0000') >= 0)) {
                    refused = parameter.getKey().replace("\u0000", "");
                    break;
                }
            }
        }
        if (refused == null) {
            return chain.filter(exchange);
        }
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.BAD_REQUEST);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        Object traceId = exchange.getAttribute(TraceIdWebFilter.ATTRIBUTE);
        Map<String, Object> problem = new java.util.LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Invalid request");
        problem.put("status", 400);
        problem.put("detail", "Some parameters are not valid");
        problem.put("instance", exchange.getRequest().getPath().value().replace("\u0000", ""));
        problem.put("errors", List.of(Map.of("field", refused, "message", TextWithoutNul.MESSAGE)));
        if (traceId != null) {
            problem.put("traceId", traceId);
        }
        byte[] body = JsonMapper.shared().writeValueAsBytes(problem);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
