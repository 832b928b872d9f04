package org.caravan.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackChannelTests {

    private static final URI PUBLIC_ISSUER = URI.create("http://localhost:8085");
    private static final URI COMPOSE_ADDRESS = URI.create("http://identity-service:8080/");

    private static Map<String, Object> discoveryOfThePublicIssuer() {
        return Map.of(
                "issuer", "http://localhost:8085",
                "authorization_endpoint", "http://localhost:8085/oauth2/authorize",
                "end_session_endpoint", "http://localhost:8085/connect/logout",
                "token_endpoint", "http://localhost:8085/oauth2/token",
                "jwks_uri", "http://localhost:8085/oauth2/jwks",
                "userinfo_endpoint", "http://localhost:8085/userinfo",
                "revocation_endpoint", "https://elsewhere.example/revoke",
                "scopes_supported", java.util.List.of("openid"));
    }

    @Test
    void theDiscoveryDocumentIsReadAtTheBackChannelAddress() {
        assertThat(new BackChannel(PUBLIC_ISSUER, COMPOSE_ADDRESS).discovery())
                .isEqualTo(URI.create("http://identity-service:8080/.well-known/openid-configuration"));
    }

    @Test
    void endpointsTheGatewayCallsItselfMoveToTheBackChannelAndThoseABrowserVisitsStayPublic() {
        Map<String, Object> rewritten =
                new BackChannel(PUBLIC_ISSUER, COMPOSE_ADDRESS).rewritten(discoveryOfThePublicIssuer());

        assertThat(rewritten)
                .containsEntry("issuer", "http://localhost:8085")
                .containsEntry("authorization_endpoint", "http://localhost:8085/oauth2/authorize")
                .containsEntry("end_session_endpoint", "http://localhost:8085/connect/logout")
                .containsEntry("token_endpoint", "http://identity-service:8080/oauth2/token")
                .containsEntry("jwks_uri", "http://identity-service:8080/oauth2/jwks")
                .containsEntry("userinfo_endpoint", "http://identity-service:8080/userinfo")
                .containsEntry("revocation_endpoint", "https://elsewhere.example/revoke")
                .containsEntry("scopes_supported", java.util.List.of("openid"));
    }

    @Test
    void aProviderNamingAnotherIssuerIsRefused() {
        Map<String, Object> other = new java.util.HashMap<>(discoveryOfThePublicIssuer());
        other.put("issuer", "http://localhost:9999");

        assertThatThrownBy(() -> new BackChannel(PUBLIC_ISSUER, COMPOSE_ADDRESS).rewritten(other))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("http://localhost:9999")
                .hasMessageContaining("CARAVAN_GATEWAY_ISSUER_BACK_CHANNEL_URI");
    }

    @Test
    void aHostThatOnlySharesTheIssuersPrefixIsNotRewritten() {
        Map<String, Object> lookalike = new java.util.HashMap<>(discoveryOfThePublicIssuer());
        lookalike.put("token_endpoint", "http://localhost:80850/oauth2/token");

        assertThat(new BackChannel(PUBLIC_ISSUER, COMPOSE_ADDRESS).rewritten(lookalike))
                .containsEntry("token_endpoint", "http://localhost:80850/oauth2/token");
    }
}
