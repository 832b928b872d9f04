package org.caravan.identity.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import org.caravan.identity.IdentityIntegrationTest;
import org.caravan.infrastructure.ProviderTokens;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class ClientCredentialsIntegrationTests extends IdentityIntegrationTest {

    @Test
    void theScriptsClientGetsASignedTokenWithItsSubjectTheRolesItAskedForAndTheServicesAudience() throws Exception {
        Answer answer = clientCredentials("caravan-scripts", SCRIPTS_SECRET, "operator coordinator");

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.body().path("token_type").asString()).isEqualTo("Bearer");
        JWTClaimsSet claims = verified(answer.body().path("access_token").asString());
        assertThat(claims.getIssuer()).isEqualTo(BASE);
        assertThat(claims.getSubject()).isEqualTo("caravan-scripts");
        assertThat(claims.getAudience()).contains("caravan");
        assertThat(claims.getStringListClaim("roles")).containsExactly("coordinator", "operator");
        assertThat(claims.getExpirationTime().toInstant()).isAfter(Instant.now());
    }

    @Test
    void aServiceTrustingTheIssuerByItsJwksAcceptsTheTokenAsTheServicesWillConfigureIt() {
        String token = clientCredentials("caravan-scripts", SCRIPTS_SECRET, "coordinator")
                .body()
                .path("access_token")
                .asString();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(BASE + "/oauth2/jwks")
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(BASE));

        Jwt jwt = decoder.decode(token);

        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("coordinator");
        assertThat(jwt.getAudience()).contains("caravan");
    }

    @Test
    void theCaravanCommandGetsATokenWithASecretHoldingCharactersThatFormEncodingChanges() throws Exception {
        String token = new ProviderTokens(BASE).forScripts(SCRIPTS_SECRET, "coordinator");

        assertThat(verified(token).getStringListClaim("roles")).containsExactly("coordinator");
    }

    @Test
    void aRoleTheClientMayNotHaveIsRefused() {
        Answer answer = clientCredentials("caravan-scripts", SCRIPTS_SECRET, "donor_liaison");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("error").asString()).isEqualTo("invalid_scope");
    }

    @Test
    void aWrongSecretIsRefused() {
        Answer answer = clientCredentials("caravan-scripts", "not-the-secret", "operator");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().path("error").asString()).isEqualTo("invalid_client");
    }
}
