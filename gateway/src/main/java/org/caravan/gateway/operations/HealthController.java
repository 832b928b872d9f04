package org.caravan.gateway.operations;

import java.util.List;
import org.caravan.gateway.security.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/operations/health}: for operators, the health of each service and of the provider, answered by the
 * gateway itself (no route leads there, so the controller answers, as for {@code /api/me}).
 */
@RestController
class HealthController {

    static final String OPERATOR = "operator";

    private final HealthChecks checks;

    HealthController(HealthChecks checks) {
        this.checks = checks;
    }

    @GetMapping("/api/operations/health")
    Mono<HealthReport> health(@AuthenticationPrincipal OidcUser person, ServerWebExchange exchange) {
        if (person == null) {
            return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "Nobody is signed in at the gateway")
                    .then(Mono.empty());
        }
        if (!isOperator(person)) {
            return Problems.write(exchange, HttpStatus.FORBIDDEN, "Only an operator may see the services' health")
                    .then(Mono.empty());
        }
        return checks.now();
    }

    /** The ID token's {@code roles} claim, as the services read the access token's. */
    private static boolean isOperator(OidcUser person) {
        List<String> roles = person.getClaimAsStringList("roles");
        return roles != null && roles.stream().anyMatch(OPERATOR::equalsIgnoreCase);
    }
}
