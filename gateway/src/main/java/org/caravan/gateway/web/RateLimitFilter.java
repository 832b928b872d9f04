package org.caravan.gateway.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.caravan.gateway.GatewayProperties;
import org.caravan.gateway.routing.RouteTable;
import org.caravan.gateway.security.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Token buckets (Bucket4j) in front of everything else, security included: sign-in and sign-out per client
 * address; answer links and calendar feeds per address (their tokens are the only key, so guessing is slowed);
 * the API per signed-in person, or per address without a session. Above the limit: 429 with {@code Retry-After}.
 * Buckets live in this instance's memory (idle ones are forgotten), so N replicas allow N times the rate.
 */
public final class RateLimitFilter implements WebFilter, Ordered {

    /** Before Spring Security's filter chain (order -100), which answers the sign-in paths itself. */
    public static final int ORDER = -200;

    private static final PathPatternParser PATTERNS = PathPatternParser.defaultInstance;

    private final List<Policy> policies;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(30))
            .maximumSize(200_000)
            .build();

    public RateLimitFilter(GatewayProperties.RateLimits limits) {
        this.policies = List.of(
                new Policy(
                        "sign-in",
                        patterns("/oauth2/authorization/**", "/login/oauth2/code/**", "/logout"),
                        limits.signIn(),
                        false),
                new Policy("links", patterns(RouteTable.TOKEN_AUTHENTICATED_PATHS), limits.links(), false),
                new Policy("api", patterns("/api/**", "/api-docs/**"), limits.api(), true));
    }

    private record Policy(String name, List<PathPattern> paths, GatewayProperties.Limit limit, boolean perPerson) {

        boolean covers(ServerWebExchange exchange) {
            var path = exchange.getRequest().getPath().pathWithinApplication();
            return paths.stream().anyMatch(pattern -> pattern.matches(path));
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Policy policy =
                policies.stream().filter(p -> p.covers(exchange)).findFirst().orElse(null);
        if (policy == null) {
            return chain.filter(exchange);
        }
        return client(exchange, policy).flatMap(client -> {
            Bucket bucket = buckets.get(policy.name() + "|" + client, key -> bucket(policy.limit()));
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                return chain.filter(exchange);
            }
            long seconds = Math.max(
                    1,
                    Duration.ofNanos(probe.getNanosToWaitForRefill())
                            .plusMillis(999)
                            .toSeconds());
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            return Problems.write(
                    exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many requests: try again in " + seconds + " s");
        });
    }

    /** The signed-in person when the policy counts per person and a session says who; else the client address. */
    private static Mono<String> client(ServerWebExchange exchange, Policy policy) {
        Mono<String> address = Mono.fromSupplier(() -> "address:" + address(exchange));
        if (!policy.perPerson() || exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return address;
        }
        return exchange.getSession()
                .mapNotNull(session -> session.<SecurityContext>getAttribute(
                        WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME))
                .mapNotNull(SecurityContext::getAuthentication)
                .map(authentication -> "person:" + authentication.getName())
                .switchIfEmpty(address);
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() == null
                ? remote.getHostString()
                : remote.getAddress().getHostAddress();
    }

    private static Bucket bucket(GatewayProperties.Limit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.per())
                        .build())
                .build();
    }

    private static List<PathPattern> patterns(String... paths) {
        return patterns(List.of(paths));
    }

    private static List<PathPattern> patterns(List<String> paths) {
        return paths.stream().map(PATTERNS::parse).toList();
    }
}
