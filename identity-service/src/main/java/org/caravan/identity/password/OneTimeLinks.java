package org.caravan.identity.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Issues, looks up and uses up one-time links. A new link for an account and purpose voids the older ones. */
@Component
public class OneTimeLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    OneTimeLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A token to put in a link, whose link expires after {@code lifetime}. */
    public record Issued(String token, Instant expiresAt) {}

    @Transactional
    public Issued issue(String subject, OneTimeLink.Purpose purpose, Duration lifetime) {
        Instant now = clock.instant();
        jdbc.sql("update one_time_link set used_at = ? where subject = ? and purpose = ? and used_at is null")
                .params(Timestamp.from(now), subject, purpose.name())
                .update();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt = OneTimeLink.expiry(now, lifetime);
        jdbc.sql(
                        """
                        insert into one_time_link (token_hash, subject, purpose, created_at, expires_at)
                        values (?, ?, ?, ?, ?)
                        """)
                .params(hash(token), subject, purpose.name(), Timestamp.from(now), Timestamp.from(expiresAt))
                .update();
        return new Issued(token, expiresAt);
    }

    /** Makes the link unusable (as if used), e.g. when the e-mail that was to carry it could not be sent. */
    @Transactional
    public void revoke(String token) {
        jdbc.sql("update one_time_link set used_at = ? where token_hash = ? and used_at is null")
                .params(Timestamp.from(clock.instant()), hash(token))
                .update();
    }

    public Optional<OneTimeLink> find(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select subject, purpose, expires_at, used_at from one_time_link where token_hash = ?")
                .param(hash(token))
                .query(OneTimeLinks::link)
                .optional();
    }

    /** Whether the account has a link for the purpose that can still be used. */
    public boolean hasUsable(String subject, OneTimeLink.Purpose purpose) {
        return jdbc.sql(
                                """
                        select count(*) from one_time_link
                         where subject = ? and purpose = ? and used_at is null and expires_at > ?
                        """)
                        .params(subject, purpose.name(), Timestamp.from(clock.instant()))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Uses the link up if it is usable now (in the caller's transaction, so that the password it sets and its use
     * stand or fall together); answers the link as it was and its status then.
     */
    public Optional<Use> use(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Optional<OneTimeLink> link = jdbc.sql(
                        "select subject, purpose, expires_at, used_at from one_time_link where token_hash = ? for update")
                .param(hash(token))
                .query(OneTimeLinks::link)
                .optional();
        Instant now = clock.instant();
        return link.map(l -> {
            OneTimeLink.Status status = l.statusAt(now);
            if (status == OneTimeLink.Status.USABLE) {
                jdbc.sql("update one_time_link set used_at = ? where token_hash = ?")
                        .params(Timestamp.from(now), hash(token))
                        .update();
            }
            return new Use(l, status);
        });
    }

    /** A link someone tried to use, and whether it was usable. */
    public record Use(OneTimeLink link, OneTimeLink.Status status) {}

    private static OneTimeLink link(ResultSet row, int index) throws SQLException {
        Timestamp used = row.getTimestamp("used_at");
        return new OneTimeLink(
                row.getString("subject"),
                OneTimeLink.Purpose.valueOf(row.getString("purpose")),
                row.getTimestamp("expires_at").toInstant(),
                used == null ? null : used.toInstant());
    }

    static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
