package org.caravan.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.caravan.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service trusts whatever OpenID Connect provider configuration names, by its issuer and the keys it publishes
 * (JWKS), and nothing else: here a city's single sign-on, configured unlike the embedded provider (another issuer,
 * its own keys and key ids), stood in for by a real HTTP server publishing a real JWKS.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=platform-test")
class AnyOpenIdProviderIntegrationTests {

    private static final String ISSUER = "https://sso.city.example/realms/caravan";
    private static final CitySingleSignOn PROVIDER = CitySingleSignOn.start();

    @LocalServerPort
    int port;

    WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @DynamicPropertySource
    static void trustTheCitysProvider(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "platform_test");
        registry.add("caravan.security.issuer", () -> ISSUER);
        registry.add("caravan.security.jwk-set-uri", PROVIDER::jwksUri);
    }

    @AfterAll
    static void stopTheProvider() {
        PROVIDER.stop();
    }

    @Test
    void aTokenOfTheConfiguredProviderIsAcceptedWithItsSubjectAndRoles() {
        String token = PROVIDER.sign(PROVIDER.current(), claims -> {});

        http.get()
                .uri("/api/whoami")
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.subject")
                .isEqualTo("city-person-4711")
                .jsonPath("$.roles[0]")
                .isEqualTo("coordinator");
    }

    @Test
    void aRotatedKeyKeepsOldTokensValidAndTheNewKeyIsFetchedWhenFirstSeen() {
        RSAKey before = PROVIDER.current();
        String old = PROVIDER.sign(before, claims -> {});
        expectAccepted(old);

        RSAKey after = PROVIDER.rotate();
        String fresh = PROVIDER.sign(after, claims -> {});

        expectAccepted(fresh);
        expectAccepted(old);
        assertThat(after.getKeyID()).isNotEqualTo(before.getKeyID());
    }

    @Test
    void tokensTheProviderDidNotIssueOrThatBreakTheRulesAreRefused() {
        RSAKey stranger = CitySingleSignOn.newKey("not-published");
        RSAKey key = PROVIDER.current();
        expectRefused(PROVIDER.sign(stranger, claims -> {}), "a key id the provider does not publish");
        expectRefused(
                PROVIDER.sign(CitySingleSignOn.newKey(key.getKeyID()), claims -> {}),
                "the published key id on another key");
        expectRefused(PROVIDER.sign(key, claims -> claims.issuer("https://elsewhere.example")), "another issuer");
        expectRefused(PROVIDER.sign(key, claims -> claims.expirationTime(null)), "no expiry");
        expectRefused(
                PROVIDER.sign(
                        key,
                        claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(600)))),
                "expired");
        expectRefused(PROVIDER.sign(key, claims -> claims.subject(null)), "no subject");
        expectRefused(PROVIDER.sign(key, claims -> claims.claim("roles", List.of("mayor"))), "an unknown role");
        expectRefused(PROVIDER.sign(key, claims -> claims.audience("another-app")), "another audience");
        expectRefused(CitySingleSignOn.signedWithASharedSecret(), "HS256 instead of RS256");
    }

    private void expectAccepted(String token) {
        http.get()
                .uri("/api/whoami")
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk();
    }

    private void expectRefused(String token, String why) {
        int fetchesBefore = PROVIDER.fetches();
        http.get()
                .uri("/api/whoami")
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith("application/problem+json");
        assertThat(PROVIDER.fetches() - fetchesBefore)
                .as("%s: at most one look at the published keys", why)
                .isLessThanOrEqualTo(1);
    }

    /** A provider's JWKS endpoint on a real HTTP server, with keys that can be rotated. */
    private static final class CitySingleSignOn {

        private final HttpServer server;
        private final AtomicReference<List<RSAKey>> published;
        private final AtomicInteger fetches = new AtomicInteger();
        private final AtomicInteger generation = new AtomicInteger(1);

        private CitySingleSignOn(HttpServer server, AtomicReference<List<RSAKey>> published) {
            this.server = server;
            this.published = published;
        }

        static CitySingleSignOn start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                AtomicReference<List<RSAKey>> keys = new AtomicReference<>(List.of(newKey("city-key-1")));
                CitySingleSignOn provider = new CitySingleSignOn(server, keys);
                server.createContext("/realms/caravan/protocol/openid-connect/certs", exchange -> {
                    provider.fetches.incrementAndGet();
                    byte[] body = new JWKSet(List.copyOf(
                                    keys.get().stream().map(RSAKey::toPublicJWK).toList()))
                            .toString()
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                server.start();
                return provider;
            } catch (IOException e) {
                throw new IllegalStateException("Could not start the stand-in provider", e);
            }
        }

        String jwksUri() {
            return "http://127.0.0.1:" + server.getAddress().getPort()
                    + "/realms/caravan/protocol/openid-connect/certs";
        }

        int fetches() {
            return fetches.get();
        }

        RSAKey current() {
            return published.get().get(0);
        }

        /** Publishes a new key first and keeps the old one published, as a provider does while tokens live. */
        RSAKey rotate() {
            RSAKey next = newKey("city-key-" + generation.incrementAndGet());
            published.updateAndGet(keys -> List.of(next, keys.get(0)));
            return next;
        }

        void stop() {
            server.stop(0);
        }

        static RSAKey newKey(String kid) {
            try {
                return new RSAKeyGenerator(2048).keyID(kid).generate();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        String sign(RSAKey key, Consumer<JWTClaimsSet.Builder> change) {
            JWTClaimsSet.Builder claims = claims();
            change.accept(claims);
            try {
                SignedJWT jwt = new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(key.getKeyID())
                                .build(),
                        claims.build());
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        static String signedWithASharedSecret() {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
                jwt.sign(
                        new MACSigner("a-shared-secret-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8)));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        private static JWTClaimsSet.Builder claims() {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            return new JWTClaimsSet.Builder()
                    .issuer(ISSUER)
                    .subject("city-person-4711")
                    .audience("caravan")
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(300)))
                    .claim("roles", List.of("coordinator"));
        }
    }
}
