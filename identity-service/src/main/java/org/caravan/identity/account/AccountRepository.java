package org.caravan.identity.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts and their roles in the provider's own database. */
@Repository
public class AccountRepository {

    private static final String SELECT =
            """
            select a.subject, a.email, a.name, a.locale, a.password_hash, a.enabled, a.created_at,
                   string_agg(r.role, ',' order by r.role) as roles
              from account a left join account_role r on r.subject = a.subject
            """;

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> bySubject(String subject) {
        return jdbc.sql(SELECT + " where a.subject = ? group by a.subject")
                .param(subject)
                .query(AccountRepository::account)
                .optional();
    }

    public Optional<Account> byEmail(String email) {
        return jdbc.sql(SELECT + " where a.email = ? group by a.subject")
                .param(Account.normalizeEmail(email))
                .query(AccountRepository::account)
                .optional();
    }

    /** Inserts the account, or updates its name, e-mail, locale and roles; the password stays as it is. */
    public void save(Account account, Instant now) {
        jdbc.sql(
                        """
                        insert into account (subject, email, name, locale, enabled, created_at, updated_at)
                        values (:subject, :email, :name, :locale, :enabled, :now, :now)
                        on conflict (subject) do update
                           set email = excluded.email, name = excluded.name, locale = excluded.locale,
                               enabled = excluded.enabled, updated_at = excluded.updated_at
                        """)
                .params(params(account, now))
                .update();
        replaceRoles(account.subject(), account.roles());
    }

    public void replaceRoles(String subject, Set<String> roles) {
        jdbc.sql("delete from account_role where subject = ?").param(subject).update();
        for (String role : roles) {
            jdbc.sql("insert into account_role (subject, role) values (?, ?)")
                    .params(subject, role)
                    .update();
        }
    }

    public void setPasswordHash(String subject, String passwordHash, Instant now) {
        jdbc.sql("update account set password_hash = ?, password_changed_at = ?, updated_at = ? where subject = ?")
                .params(passwordHash, Timestamp.from(now), Timestamp.from(now), subject)
                .update();
    }

    private static Map<String, Object> params(Account account, Instant now) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("subject", account.subject());
        params.put("email", Account.normalizeEmail(account.email()));
        params.put("name", account.name());
        params.put("locale", account.locale().toLanguageTag());
        params.put("enabled", account.enabled());
        params.put("now", Timestamp.from(now));
        return params;
    }

    private static Account account(ResultSet row, int index) throws SQLException {
        String roles = row.getString("roles");
        return new Account(
                row.getString("subject"),
                row.getString("email"),
                row.getString("name"),
                Locale.forLanguageTag(row.getString("locale")),
                roles == null ? Set.of() : new TreeSet<>(Set.of(roles.split(","))),
                row.getString("password_hash"),
                row.getBoolean("enabled"),
                row.getTimestamp("created_at").toInstant());
    }
}
