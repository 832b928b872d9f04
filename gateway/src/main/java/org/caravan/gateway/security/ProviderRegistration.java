package org.caravan.gateway.security;

import java.time.Duration;
import org.caravan.gateway.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The gateway's one client registration, {@code caravan-gateway} at the configured issuer: a confidential client
 * using the authorization code with PKCE. The provider's endpoints come from its discovery document, read when first
 * needed and kept (a failed read is tried again on the next sign-in), so that the gateway starts, and reports
 * ready, whether or not the provider is up yet.
 */
final class ProviderRegistration implements ReactiveClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(ProviderRegistration.class);

    private final String registrationId;
    private final Mono<ClientRegistration> registration;

    ProviderRegistration(GatewayProperties properties) {
        GatewayProperties.Client client = properties.client();
        this.registrationId = client.registrationId();
        String issuer = properties.issuerUri().toString();
        this.registration = Mono.fromCallable(() -> ClientRegistrations.fromIssuerLocation(issuer)
                        .registrationId(client.registrationId())
                        .clientId(client.id())
                        .clientSecret(client.secret())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                        .scope(client.scopes())
                        .userNameAttributeName("sub")
                        .clientSettings(ClientRegistration.ClientSettings.builder()
                                .requireProofKey(true)
                                .build())
                        .build())
                .subscribeOn(Schedulers.boundedElastic())
                .doOnNext(found -> log.info("Signing people in with {}", issuer))
                .doOnError(e -> log.warn("The identity provider {} is not reachable yet: {}", issuer, e.toString()))
                .cache(found -> Duration.ofDays(36_500), e -> Duration.ZERO, () -> Duration.ZERO)
                .onErrorMap(e -> new ResponseStatusException(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "The identity provider is not reachable; try again shortly",
                        e));
    }

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String id) {
        return registrationId.equals(id) ? registration : Mono.empty();
    }
}
