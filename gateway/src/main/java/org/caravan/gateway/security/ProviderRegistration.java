package org.caravan.gateway.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.caravan.gateway.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthenticationMethod;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's one client registration, {@code caravan-gateway} at the configured issuer: a confidential client
 * using the authorization code with PKCE. The provider's endpoints come from its discovery document, read when first
 * needed and kept (a failed read is tried again on the next sign-in), so that the gateway starts, and reports
 * ready, whether or not the provider is up yet. With a back channel ({@link BackChannel}) the document is read
 * there, and the endpoints the gateway calls itself point there too.
 */
final class ProviderRegistration implements ReactiveClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(ProviderRegistration.class);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final TypeReference<Map<String, Object>> METADATA = new TypeReference<>() {};

    private final String registrationId;
    private final Mono<ClientRegistration> registration;

    ProviderRegistration(GatewayProperties properties) {
        GatewayProperties.Client client = properties.client();
        this.registrationId = client.registrationId();
        String issuer = properties.issuerUri().toString();
        URI backChannel = properties.issuerBackChannelUri();
        this.registration = Mono.fromCallable(() -> (backChannel == null
                                ? ClientRegistrations.fromIssuerLocation(issuer)
                                : discoveredThrough(new BackChannel(properties.issuerUri(), backChannel)))
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

    private static ClientRegistration.Builder discoveredThrough(BackChannel backChannel)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(backChannel.discovery())
                        .timeout(Duration.ofSeconds(10))
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(backChannel.discovery() + " answered " + answer.statusCode());
        }
        Map<String, Object> metadata = backChannel.rewritten(JSON.readValue(answer.body(), METADATA));
        return ClientRegistration.withRegistrationId("discovered")
                .issuerUri(metadata.get("issuer").toString())
                .authorizationUri(metadata.get("authorization_endpoint").toString())
                .tokenUri(metadata.get("token_endpoint").toString())
                .jwkSetUri(metadata.get("jwks_uri").toString())
                .userInfoUri(metadata.get("userinfo_endpoint").toString())
                .userInfoAuthenticationMethod(AuthenticationMethod.HEADER)
                .providerConfigurationMetadata(metadata);
    }

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String id) {
        return registrationId.equals(id) ? registration : Mono.empty();
    }
}
