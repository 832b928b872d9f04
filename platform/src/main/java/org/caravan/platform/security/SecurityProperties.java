package org.caravan.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Who may sign tokens (issuer and its public key) and for whom they must be meant (audience). {@code
 * publicPaths} are served without a bearer token because their clients cannot send one (calendar apps); each
 * such handler checks its own credential, e.g. a personal feed token.
 */
@ConfigurationProperties("caravan.security")
public record SecurityProperties(String issuer, String audience, Resource publicKeyLocation, List<String> publicPaths) {

    public SecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
