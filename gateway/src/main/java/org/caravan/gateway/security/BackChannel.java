package org.caravan.gateway.security;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.caravan.gateway.GatewayProperties;

/**
 * The provider as the gateway reaches it when the issuer's public address does not resolve where the gateway runs
 * (in docker-compose, people's browsers reach the provider at {@code http://localhost:8085}, the gateway at
 * {@code http://identity-service:8080}). The discovery document is read at the back-channel address; the endpoints
 * the gateway calls itself (token, keys, user info...) move there, while those a browser is sent to (authorize,
 * end session) keep the public address. The tokens' {@code iss} is still checked against the public issuer.
 */
public final class BackChannel {

    /** Endpoints the browser visits: they must stay at the address people reach. */
    static final Set<String> FRONT_CHANNEL = Set.of("authorization_endpoint", "end_session_endpoint");

    private final URI issuer;
    private final URI backChannel;

    BackChannel(URI issuer, URI backChannel) {
        this.issuer = withoutTrailingSlash(issuer);
        this.backChannel = withoutTrailingSlash(backChannel);
    }

    /**
     * The provider as this gateway reaches it: through the back channel where one is configured, else at the issuer
     * (the address the discovery document is then read at too).
     */
    public static BackChannel of(GatewayProperties properties) {
        URI backChannel = properties.issuerBackChannelUri();
        return new BackChannel(properties.issuerUri(), backChannel == null ? properties.issuerUri() : backChannel);
    }

    /** Where the discovery document is read. */
    public URI discovery() {
        return URI.create(backChannel + "/.well-known/openid-configuration");
    }

    /** Whether a discovery document's {@code issuer} is the configured issuer (a trailing slash aside). */
    public boolean isIssuer(Object named) {
        return named != null
                && withoutTrailingSlash(URI.create(named.toString())).equals(issuer);
    }

    /**
     * The discovery document with every back-channel endpoint at the back-channel address; refused when it names
     * another issuer (the back channel would then lead to a provider whose tokens the gateway must not accept).
     */
    Map<String, Object> rewritten(Map<String, Object> metadata) {
        Object named = metadata.get("issuer");
        if (!isIssuer(named)) {
            throw new IllegalStateException("The provider at " + backChannel + " says its issuer is " + named + ", not "
                    + issuer + ": check CARAVAN_GATEWAY_ISSUER_URI and CARAVAN_GATEWAY_ISSUER_BACK_CHANNEL_URI");
        }
        Map<String, Object> rewritten = new LinkedHashMap<>(metadata);
        metadata.forEach((name, value) -> {
            if (name.endsWith("_endpoint") || name.equals("jwks_uri")) {
                if (!FRONT_CHANNEL.contains(name) && value instanceof String endpoint) {
                    rewritten.put(name, atBackChannel(endpoint));
                }
            }
        });
        return rewritten;
    }

    private String atBackChannel(String endpoint) {
        String prefix = issuer.toString();
        if (endpoint.equals(prefix) || endpoint.startsWith(prefix + "/")) {
            return backChannel + endpoint.substring(prefix.length());
        }
        return endpoint; // elsewhere than the issuer: reached as published
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
