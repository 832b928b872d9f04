package org.caravan.identity.housekeeping;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes what can no longer be used a day after it stopped being usable: authorizations whose every token and
 * code has expired, spent or expired one-time links, and failure counts nobody added to for a day.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    private static final Duration KEPT = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    Housekeeping(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${caravan.identity.housekeeping-interval:1h}", initialDelayString = "1m")
    void sweep() {
        Timestamp before = Timestamp.from(clock.instant().minus(KEPT));
        int authorizations = jdbc.sql(
                        """
                        delete from oauth2_authorization
                         where greatest(authorization_code_expires_at, access_token_expires_at,
                                        refresh_token_expires_at, oidc_id_token_expires_at) < ?
                        """)
                .param(before)
                .update();
        int links = jdbc.sql("delete from one_time_link where coalesce(used_at, expires_at) < ?")
                .param(before)
                .update();
        int throttles = jdbc.sql(
                        """
                        delete from sign_in_throttle
                         where coalesce(locked_until, first_failure_at) < ? and first_failure_at < ?
                        """)
                .params(before, before)
                .update();
        if (authorizations + links + throttles > 0) {
            log.info(
                    "Housekeeping at {}: {} authorizations, {} links and {} failure counts deleted",
                    Instant.now(clock),
                    authorizations,
                    links,
                    throttles);
        }
    }
}
