package org.caravan.platform.security;

import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the service takes the caller to be: the token's subject, roles and expiry, as this service read them. It
 * answers "why am I refused?" without a database, which also makes it the cheapest call a service serves.
 */
@RestController
class WhoAmIController {

    record Caller(String subject, List<String> roles, Instant expiresAt) {}

    @GetMapping("/api/whoami")
    Caller whoAmI(@AuthenticationPrincipal Jwt token) {
        List<String> roles = token.getClaimAsStringList("roles");
        return new Caller(token.getSubject(), roles == null ? List.of() : roles, token.getExpiresAt());
    }
}
