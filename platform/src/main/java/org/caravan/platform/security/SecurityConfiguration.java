package org.caravan.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import reactor.core.publisher.Mono;

/**
 * Every service is an OAuth2 resource server: RS256 JWTs with a checked issuer, audience and expiry, roles
 * from the {@code roles} claim. API documentation is public; the API needs a token; handlers state roles
 * with {@code @PreAuthorize}. Actuator endpoints live on the management port.
 */
@AutoConfiguration
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
@Import(WhoAmIController.class)
public class SecurityConfiguration {

    /** Refuses to start with a published, short or missing secret (see {@link SecretsCheck}). */
    @Bean
    static SecretsCheck caravanSecretsCheck() {
        return new SecretsCheck();
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityWebFilterChain caravanSecurity(
            ServerHttpSecurity http,
            ReactiveJwtDecoder jwtDecoder,
            SecurityProperties properties,
            ObjectProvider<RequestMappingHandlerMapping> handlerMappings) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .addFilterAfter(new RolesBeforeReading(handlerMappings), SecurityWebFiltersOrder.AUTHORIZATION)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> {
                    exchanges
                            .pathMatchers(
                                    "/v3/api-docs/**",
                                    "/swagger-ui.html",
                                    "/swagger-ui/**",
                                    "/webjars/**",
                                    "/actuator/**")
                            .permitAll();
                    if (!properties.publicPaths().isEmpty()) {
                        exchanges
                                .pathMatchers(properties.publicPaths().toArray(String[]::new))
                                .permitAll();
                    }
                    exchanges.anyExchange().authenticated();
                })
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtDecoder(jwtDecoder)
                                .jwtAuthenticationConverter(SecurityConfiguration::authentication))
                        .authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler caravanExchangeRejected() {
        return ProblemResponses.rejected();
    }

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder caravanJwtDecoder(SecurityProperties properties) {
        // With a JWKS, a token whose kid the provider does not publish is refused; RS256 only either way.
        NimbusReactiveJwtDecoder decoder = properties.trustsJwkSet()
                ? NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                        .jwsAlgorithm(SignatureAlgorithm.RS256)
                        .build()
                : NimbusReactiveJwtDecoder.withPublicKey(publicKey(properties))
                        .signatureAlgorithm(SignatureAlgorithm.RS256)
                        .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                audience(properties.audience()),
                new TokenRules(properties.longestTokenLifetime(), java.time.Clock.systemUTC())));
        return decoder;
    }

    private static Mono<AbstractAuthenticationToken> authentication(Jwt jwt) {
        return Mono.just(new JwtAuthenticationToken(jwt, roles(jwt), jwt.getSubject()));
    }

    private static Collection<GrantedAuthority> roles(Jwt jwt) {
        List<String> roles = jwt.hasClaim("roles") ? jwt.getClaimAsStringList("roles") : List.of();
        return roles.stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        OAuth2Error wrongAudience = new OAuth2Error("invalid_token", "The token is not meant for " + audience, null);
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(wrongAudience);
    }

    private static RSAPublicKey publicKey(SecurityProperties properties) {
        try (InputStream in = properties.publicKeyLocation().getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot read the token-signing public key at " + properties.publicKeyLocation()
                            + " (set CARAVAN_SECURITY_PUBLIC_KEY_LOCATION)",
                    e);
        }
    }
}
