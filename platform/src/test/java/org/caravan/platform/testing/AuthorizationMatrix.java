package org.caravan.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.caravan.platform.security.RolesBeforeReading;
import org.caravan.platform.security.TokenRules;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of a service's OpenAPI document, called as nobody, with an expired token, with another
 * issuer's token and as each role, with made-up ids and an empty body. An operation must state its roles
 * ({@code @PreAuthorize("hasRole(...)")}) or be declared open to every signed-in role by the service's conformance
 * test, so an endpoint added without a rule fails the build.
 */
final class AuthorizationMatrix {

    record Operation(HttpMethod method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final WebTestClient api;
    private final RequestMappingHandlerMapping handlers;
    private final Set<String> openToEveryRole;
    private final Set<String> withoutToken;
    private final List<String> failures = new ArrayList<>();

    AuthorizationMatrix(
            WebTestClient api,
            RequestMappingHandlerMapping handlers,
            Set<String> openToEveryRole,
            Set<String> withoutToken) {
        this.api = api;
        this.handlers = handlers;
        this.openToEveryRole = openToEveryRole;
        this.withoutToken = withoutToken;
    }

    List<String> check() {
        JsonNode document = ApiDocuments.served(api);
        List<Operation> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue()
                .propertyNames()
                .forEach(method -> operations.add(
                        new Operation(HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)), path.getKey()))));
        assertThat(operations).as("operations in the OpenAPI document").isNotEmpty();
        operations.forEach(this::check);
        return failures;
    }

    private void check(Operation operation) {
        if (withoutToken.contains(operation.toString())) {
            expect(operation, null, status -> status != 401 && status < 500, "served without a token, never 5xx");
            return;
        }
        expect(operation, null, status -> status == 401, "401 without a token");
        expect(operation, expired(), status -> status == 401, "401 with an expired token");
        expect(operation, foreign(), status -> status == 401, "401 with another issuer's token");
        Optional<List<String>> roles = roles(handlers, operation);
        boolean platformsOwn = operation.path().equals("/api/whoami");
        if (roles.isEmpty() && !platformsOwn && !openToEveryRole.contains(operation.toString())) {
            failures.add(operation + " states no roles (@PreAuthorize) and is not declared open to every role");
            return;
        }
        for (String role : TokenRules.KNOWN_ROLES) {
            String token = TestInfrastructure.tokens().mint("matrix-" + role, role);
            if (roles.isPresent() && !roles.get().contains(role)) {
                expect(operation, token, status -> status == 403, "403 for " + role);
            } else {
                expect(
                        operation,
                        token,
                        status -> status != 401 && status != 403 && status < 500,
                        "neither refused nor 5xx for " + role);
            }
        }
    }

    private interface StatusRule {
        boolean holds(int status);
    }

    private void expect(Operation operation, String token, StatusRule rule, String what) {
        String uri = operation.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        WebTestClient.RequestBodySpec request = api.method(operation.method())
                .uri(uri)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                });
        WebTestClient.RequestHeadersSpec<?> sent =
                operation.method() == HttpMethod.POST || operation.method() == HttpMethod.PUT
                        ? request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                        : request;
        // The status is enough: a stream (the inbox's) would never end, so its body is not waited for.
        var result = sent.exchange().returnResult(byte[].class);
        int status = result.getStatus().value();
        result.getResponseBody().subscribe().dispose();
        if (!rule.holds(status)) {
            failures.add(operation + ": expected " + what + ", got " + status);
        }
    }

    /** The roles the operation's handler states ({@code @PreAuthorize}), if it states them. */
    static Optional<List<String>> roles(RequestMappingHandlerMapping handlers, Operation operation) {
        return handler(handlers, operation).flatMap(RolesBeforeReading::roles);
    }

    private static Optional<HandlerMethod> handler(RequestMappingHandlerMapping handlers, Operation operation) {
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                handlers.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            boolean method = info.getMethodsCondition().getMethods().stream()
                    .anyMatch(m -> m.name().equals(operation.method().name()));
            boolean path = info.getPatternsCondition().getPatterns().stream()
                    .map(PathPattern::getPatternString)
                    .anyMatch(operation.path()::equals);
            if (method && path) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    private static String expired() {
        Instant now = Instant.now();
        return TestInfrastructure.tokens()
                .sign(claims(now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)))
                        .issuer("caravan-local")
                        .build());
    }

    private static String foreign() {
        Instant now = Instant.now();
        return TestInfrastructure.tokens()
                .sign(claims(now, now.plus(Duration.ofMinutes(10)))
                        .issuer("https://someone-else.example")
                        .build());
    }

    private static JWTClaimsSet.Builder claims(Instant issued, Instant expires) {
        return new JWTClaimsSet.Builder()
                .audience("caravan")
                .subject("matrix-coordinator")
                .claim("roles", List.of("coordinator"))
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(expires));
    }
}
