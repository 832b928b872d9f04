package org.caravan.gateway.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code GET /api/me}: who is signed in here, from the provider's ID token (answered by the gateway itself). */
@RestController
class MeController {

    @GetMapping("/api/me")
    Mono<Map<String, Object>> me(@AuthenticationPrincipal OidcUser person, ServerWebExchange exchange) {
        if (person == null) {
            return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "Nobody is signed in at the gateway")
                    .then(Mono.empty());
        }
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("subject", person.getSubject());
        me.put("name", person.getFullName());
        me.put("email", person.getEmail());
        me.put("locale", person.getLocale());
        List<String> roles = person.getClaimAsStringList("roles");
        me.put("roles", roles == null ? List.of() : roles);
        return Mono.just(me);
    }
}
