package org.caravan.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's settings ({@code caravan.gateway.*}, or CARAVAN_GATEWAY_... environment variables).
 *
 * @param issuerUri the OpenID Connect provider people sign in with (discovery at
 *     {@code {issuerUri}/.well-known/openid-configuration}); read when the first person signs in, so the gateway
 *     starts before the provider does
 * @param issuerBackChannelUri where the gateway itself reaches that provider when the issuer's public address does
 *     not resolve where the gateway runs (docker-compose: {@code http://identity-service:8080}); none by default
 * @param client the gateway's registration at the provider
 * @param routes where each service answers
 * @param replicas how the replicas of a service are checked
 * @param tokenRefreshSkew how long before its expiry an access token is refreshed
 * @param maxRequestSize the largest request body accepted (by its Content-Length)
 * @param headerTimeout the longest a client may take to send a connection's first request headers
 * @param readTimeout the longest pause while a client sends its request body
 * @param requestTimeout the longest a client may take to send its whole request
 */
@ConfigurationProperties("caravan.gateway")
public record GatewayProperties(
        URI issuerUri,
        URI issuerBackChannelUri,
        @DefaultValue Client client,
        @DefaultValue Routes routes,
        @DefaultValue Replicas replicas,
        @DefaultValue Session session,
        @DefaultValue("60s") Duration tokenRefreshSkew,
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue("10s") Duration headerTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue("60s") Duration requestTimeout,
        @DefaultValue RateLimits rateLimits) {

    public record Client(
            @DefaultValue("caravan") String registrationId,
            @DefaultValue("caravan-gateway") String id,
            String secret,
            @DefaultValue({"openid", "profile", "email"}) List<String> scopes) {}

    public record Routes(
            @DefaultValue Service event,
            @DefaultValue Service volunteer,
            @DefaultValue Service donation,
            @DefaultValue Service notification) {}

    /**
     * Where a service answers: {@code uri}'s host may stand for several replicas (one DNS record each); where
     * {@code readinessPort} is given, a replica is sent requests only while {@code /actuator/health/readiness} on that
     * port of its address answers 200.
     */
    public record Service(URI uri, Integer readinessPort) {}

    /** A readiness check that takes longer than {@code checkTimeout} counts as not ready. */
    public record Replicas(@DefaultValue("2s") Duration checkTimeout) {}

    /** The session kept in the gateway; its cookie is HttpOnly and SameSite=Lax, and Secure when asked. */
    public record Session(@DefaultValue("8h") Duration timeout, @DefaultValue("true") boolean cookieSecure) {}

    /**
     * Token buckets: sign-in (per address), answer links and calendar feeds (per address), and the API (per person
     * when signed in, per address otherwise). Kept in each gateway instance.
     */
    public record RateLimits(
            @DefaultValue("true") boolean enabled,
            @DefaultValue Limit signIn,
            @DefaultValue Limit links,
            @DefaultValue Limit api) {}

    /** At most {@code capacity} requests at once, refilled evenly over {@code per}. */
    public record Limit(@DefaultValue("60") long capacity, @DefaultValue("1m") Duration per) {}
}
