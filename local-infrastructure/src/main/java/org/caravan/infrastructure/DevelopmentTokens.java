package org.caravan.infrastructure;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A development signing key and the tokens it signs, standing in for an identity provider on a laptop or in
 * tests. Services only ever see the public key; the private key stays in the folder given here.
 */
public final class DevelopmentTokens {

    public static final String ISSUER = "caravan-local";
    public static final String AUDIENCE = "caravan";

    private final RSAKey key;
    private final Path publicKeyFile;

    private DevelopmentTokens(RSAKey key, Path publicKeyFile) {
        this.key = key;
        this.publicKeyFile = publicKeyFile;
    }

    /** The key pair kept in the folder, created on first use. */
    public static DevelopmentTokens in(Path directory) {
        try {
            Files.createDirectories(directory);
            Path privateKey = directory.resolve("signing-key.jwk.json");
            RSAKey key;
            if (Files.exists(privateKey)) {
                key = RSAKey.parse(Files.readString(privateKey));
            } else {
                key = new RSAKeyGenerator(2048).keyID("caravan-dev").generate();
                Files.writeString(privateKey, key.toJSONString());
                privateKey.toFile().setReadable(false, false);
                privateKey.toFile().setReadable(true, true);
            }
            Path publicKey = directory.resolve("public-key.pem");
            Files.writeString(publicKey, pem(key));
            return new DevelopmentTokens(key, publicKey);
        } catch (IOException | ParseException | JOSEException e) {
            throw new IllegalStateException("Could not prepare the development signing key in " + directory, e);
        }
    }

    /** The X.509 PEM file the services verify signatures with. */
    public Path publicKeyFile() {
        return publicKeyFile;
    }

    public String mint(String subject, String... roles) {
        return mint(subject, List.of(roles), Duration.ofHours(12));
    }

    public String mint(String subject, List<String> roles, Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .claim("roles", roles)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        return sign(claims);
    }

    /** A token with any claims, for tests that show a wrong issuer or audience is refused. */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a development token", e);
        }
    }

    private static String pem(RSAKey key) throws JOSEException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.toRSAPublicKey().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }
}
