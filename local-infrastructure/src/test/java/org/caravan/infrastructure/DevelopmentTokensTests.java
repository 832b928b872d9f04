package org.caravan.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevelopmentTokensTests {

    @TempDir
    Path keys;

    @Test
    void mintedTokenIsVerifiableWithThePublishedPublicKeyAndCarriesRoleIssuerAndAudience() throws Exception {
        DevelopmentTokens tokens = DevelopmentTokens.in(keys);

        SignedJWT jwt = SignedJWT.parse(tokens.mint("coordinator-li", "coordinator"));

        assertThat(jwt.verify(new RSASSAVerifier(readPublicKey(tokens.publicKeyFile()))))
                .isTrue();
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("coordinator-li");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("coordinator");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(DevelopmentTokens.ISSUER);
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(DevelopmentTokens.AUDIENCE);
        assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isInTheFuture();
    }

    @Test
    void theKeyPairSurvivesARestartSoIssuedTokensStayValid() throws Exception {
        String token = DevelopmentTokens.in(keys).mint("volunteer-wang", "volunteer");

        DevelopmentTokens reopened = DevelopmentTokens.in(keys);

        assertThat(SignedJWT.parse(token).verify(new RSASSAVerifier(readPublicKey(reopened.publicKeyFile()))))
                .isTrue();
    }

    private static RSAPublicKey readPublicKey(Path pem) throws Exception {
        String base64 =
                Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
