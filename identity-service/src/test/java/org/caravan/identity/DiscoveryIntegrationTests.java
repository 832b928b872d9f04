package org.caravan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.Test;

class DiscoveryIntegrationTests extends IdentityIntegrationTest {

    @Test
    void theDiscoveryDocumentNamesTheIssuerItsEndpointsAndTheGrantsItServes() {
        Answer discovery = get("/.well-known/openid-configuration");

        assertThat(discovery.status()).isEqualTo(200);
        assertThat(discovery.body().path("issuer").asString()).isEqualTo(BASE);
        assertThat(discovery.body().path("jwks_uri").asString()).isEqualTo(BASE + "/oauth2/jwks");
        assertThat(discovery.body().path("authorization_endpoint").asString()).isEqualTo(BASE + "/oauth2/authorize");
        assertThat(discovery.body().path("token_endpoint").asString()).isEqualTo(BASE + "/oauth2/token");
        assertThat(discovery.body().path("userinfo_endpoint").asString()).isEqualTo(BASE + "/userinfo");
        assertThat(discovery.body().path("end_session_endpoint").asString()).isEqualTo(BASE + "/connect/logout");
        assertThat(discovery.body().path("grant_types_supported").valueStream().map(n -> n.asString()))
                .contains("authorization_code", "client_credentials", "refresh_token");
        assertThat(discovery
                        .body()
                        .path("code_challenge_methods_supported")
                        .valueStream()
                        .map(n -> n.asString()))
                .contains("S256");
    }

    @Test
    void theJwksEndpointPublishesTheSigningKeyWithItsKidAndNoPrivatePart() {
        JWKSet keys = publishedKeys();

        assertThat(keys.getKeys()).isNotEmpty();
        for (JWK key : keys.getKeys()) {
            assertThat(key.getKeyID()).isNotBlank();
            assertThat(key.getKeyType().getValue()).isEqualTo("RSA");
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.toJSONObject()).doesNotContainKeys("d", "p", "q");
        }
    }
}
