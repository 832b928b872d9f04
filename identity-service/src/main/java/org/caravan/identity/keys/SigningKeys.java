package org.caravan.identity.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.caravan.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The token-signing keys, kept in the database (private parts sealed) so that every replica signs with the same
 * key and a restart keeps it. One key is current and signs; a rotation makes a new one current and retires the
 * old one, which stays published at the JWKS endpoint for {@code retired-key-publication} so that the tokens it
 * signed still verify until they expire. What this source answers is re-read from the database every few seconds,
 * so a rotation on one replica reaches the others.
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final Duration REFRESH = Duration.ofSeconds(5);
    /** Any number: one advisory lock serialises key creation and rotation across replicas. */
    private static final long LOCK = 0x6b657973L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final KeySealing sealing;
    private final Duration publication;
    private volatile Snapshot snapshot;

    SigningKeys(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.sealing = new KeySealing(properties.keys().encryptionSecret());
        this.publication = properties.keys().retiredKeyPublication();
    }

    /** A stored key: current while {@code retiredAt} is null; published while current or recently retired. */
    public record StoredKey(String kid, Instant createdAt, Instant retiredAt) {

        public String statusAt(Instant now, Duration publication) {
            if (retiredAt == null) {
                return "CURRENT";
            }
            return now.isBefore(retiredAt.plus(publication)) ? "PUBLISHED" : "WITHDRAWN";
        }
    }

    /** The outcome of a rotation: the key that signs from now on, and the one it replaced. */
    public record Rotation(String currentKid, String previousKid) {}

    private record Snapshot(List<JWK> keys, String currentKid, Instant loadedAt) {}

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(new JWKSet(snapshot().keys()));
    }

    /** The key id new tokens are signed with. */
    public String currentKid() {
        return snapshot().currentKid();
    }

    /** Picks the current key among those the encoder found suitable. */
    public JWK currentOf(List<JWK> candidates) {
        String kid = currentKid();
        return candidates.stream()
                .filter(jwk -> kid.equals(jwk.getKeyID()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The current signing key " + kid + " is not usable"));
    }

    /** Makes sure a current key exists (the first start creates one). */
    public void ensureCurrent() {
        transactions.executeWithoutResult(status -> {
            lock();
            if (currentRow() == null) {
                String kid = insertNewKey();
                log.info("Created the first token-signing key {}", kid);
            }
        });
        snapshot = null;
    }

    /** A new current key; the previous one is retired but stays published (an operator's action). */
    public Rotation rotate() {
        Rotation rotation = transactions.execute(status -> {
            lock();
            String previous = currentRow();
            if (previous != null) {
                jdbc.sql("update signing_key set retired_at = ? where kid = ?")
                        .params(Timestamp.from(clock.instant()), previous)
                        .update();
            }
            return new Rotation(insertNewKey(), previous);
        });
        snapshot = null;
        log.info(
                "Rotated the token-signing key: {} signs now, {} stays published",
                rotation.currentKid(),
                rotation.previousKid());
        return rotation;
    }

    public List<StoredKey> stored() {
        return jdbc.sql(
                        "select kid, created_at, retired_at from signing_key order by retired_at desc nulls first, created_at desc")
                .query(SigningKeys::storedKey)
                .list();
    }

    public Duration publication() {
        return publication;
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || !now.isBefore(current.loadedAt().plus(REFRESH)) || now.isBefore(current.loadedAt())) {
            current = load(now);
            snapshot = current;
        }
        return current;
    }

    private Snapshot load(Instant now) {
        List<Row> rows = jdbc.sql(
                        """
                        select kid, public_jwk, sealed_private_jwk, created_at, retired_at from signing_key
                         where retired_at is null or retired_at > ? order by retired_at desc nulls first, created_at desc
                        """)
                .param(Timestamp.from(now.minus(publication)))
                .query(SigningKeys::row)
                .list();
        if (rows.isEmpty() || rows.get(0).retiredAt() != null) {
            ensureCurrent();
            return load(now);
        }
        List<JWK> keys = new ArrayList<>();
        try {
            keys.add(JWK.parse(sealing.open(rows.get(0).sealedPrivateJwk())));
            for (Row row : rows.subList(1, rows.size())) {
                keys.add(JWK.parse(row.publicJwk()));
            }
        } catch (ParseException e) {
            throw new IllegalStateException("A stored signing key is not a JWK", e);
        }
        return new Snapshot(List.copyOf(keys), rows.get(0).kid(), now);
    }

    private String insertNewKey() {
        try {
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            jdbc.sql(
                            """
                            insert into signing_key (kid, public_jwk, sealed_private_jwk, created_at)
                            values (?, ?, ?, ?)
                            """)
                    .params(
                            key.getKeyID(),
                            key.toPublicJWK().toJSONString(),
                            sealing.seal(key.toJSONString()),
                            Timestamp.from(clock.instant()))
                    .update();
            return key.getKeyID();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate a signing key", e);
        }
    }

    private String currentRow() {
        return jdbc.sql("select kid from signing_key where retired_at is null order by created_at desc limit 1")
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private void lock() {
        jdbc.sql("select 1 from pg_advisory_xact_lock(?)")
                .param(LOCK)
                .query(Integer.class)
                .single();
    }

    private record Row(String kid, String publicJwk, String sealedPrivateJwk, Instant createdAt, Instant retiredAt) {}

    private static Row row(ResultSet row, int index) throws SQLException {
        Timestamp retired = row.getTimestamp("retired_at");
        return new Row(
                row.getString("kid"),
                row.getString("public_jwk"),
                row.getString("sealed_private_jwk"),
                row.getTimestamp("created_at").toInstant(),
                retired == null ? null : retired.toInstant());
    }

    private static StoredKey storedKey(ResultSet row, int index) throws SQLException {
        Timestamp retired = row.getTimestamp("retired_at");
        return new StoredKey(
                row.getString("kid"),
                row.getTimestamp("created_at").toInstant(),
                retired == null ? null : retired.toInstant());
    }
}
