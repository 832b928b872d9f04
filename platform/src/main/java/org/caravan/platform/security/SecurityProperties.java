package org.caravan.platform.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Who may sign tokens (issuer, and its keys: the provider's JWKS at {@code jwkSetUri}, or one public key) and for whom they must be meant (audience). {@code
 * publicPaths} are served without a bearer token because their clients cannot send one (calendar apps); each
 * such handler checks its own credential, e.g. a personal feed token.
 */
@ConfigurationProperties("caravan.security")
public record SecurityProperties(
        String issuer,
        String audience,
        Resource publicKeyLocation,
        String jwkSetUri,
        Duration longestTokenLifetime,
        List<String> publicPaths) {

    public SecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        longestTokenLifetime = longestTokenLifetime == null ? Duration.ofHours(12) : longestTokenLifetime;
    }

    /** Keys from the provider's JWKS (any OpenID Connect provider) rather than one public-key file. */
    public boolean trustsJwkSet() {
        return jwkSetUri != null && !jwkSetUri.isBlank();
    }
}
