package org.caravan.identity.signin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.caravan.identity.IdentityProperties;
import org.caravan.identity.account.Account;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed sign-ins per e-mail address, kept in the database so that every replica of the provider counts the same
 * failures. Addresses without an account are counted too: whether one is locked tells nothing about accounts.
 */
@Component
public class SignInThrottle {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final LockoutPolicy policy;

    SignInThrottle(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        IdentityProperties.SignIn signIn = properties.signIn();
        this.policy = new LockoutPolicy(signIn.maxFailures(), signIn.failureWindow(), signIn.lockDuration());
    }

    public Optional<Instant> lockedUntil(String email) {
        return policy.lockedUntil(state(Account.normalizeEmail(email)), clock.instant());
    }

    /** Counts a wrong password; answers the lock it caused, if any. */
    public Optional<Instant> recordFailure(String email) {
        String login = Account.normalizeEmail(email);
        return transactions.execute(status -> {
            jdbc.sql("insert into sign_in_throttle (login, failures) values (?, 0) on conflict do nothing")
                    .param(login)
                    .update();
            LockoutPolicy.State before = jdbc.sql(
                            "select failures, first_failure_at, locked_until from sign_in_throttle where login = ? for update")
                    .param(login)
                    .query(SignInThrottle::state)
                    .single();
            Instant now = clock.instant();
            LockoutPolicy.State after = policy.afterFailure(before, now);
            jdbc.sql("update sign_in_throttle set failures = ?, first_failure_at = ?, locked_until = ? where login = ?")
                    .params(after.failures(), timestamp(after.firstFailureAt()), timestamp(after.lockedUntil()), login)
                    .update();
            return policy.lockedUntil(after, now);
        });
    }

    /** Forgets the failures: after a successful sign-in or a new password. */
    public void clear(String email) {
        jdbc.sql("delete from sign_in_throttle where login = ?")
                .param(Account.normalizeEmail(email))
                .update();
    }

    private LockoutPolicy.State state(String login) {
        return jdbc.sql("select failures, first_failure_at, locked_until from sign_in_throttle where login = ?")
                .param(login)
                .query(SignInThrottle::state)
                .optional()
                .orElse(LockoutPolicy.State.CLEAR);
    }

    private static LockoutPolicy.State state(java.sql.ResultSet row, int index) throws java.sql.SQLException {
        Timestamp first = row.getTimestamp("first_failure_at");
        Timestamp locked = row.getTimestamp("locked_until");
        return new LockoutPolicy.State(
                row.getInt("failures"),
                first == null ? null : first.toInstant(),
                locked == null ? null : locked.toInstant());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
