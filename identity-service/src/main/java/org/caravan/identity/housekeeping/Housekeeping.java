package org.caravan.identity.housekeeping;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.caravan.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes what can no longer be used a day after it stopped being usable: authorizations whose every token and
 * code has expired, spent or expired one-time links, and failure counts nobody added to for a day; and consumed
 * events' claims older than {@code caravan.identity.processed-event-retention} (stamped and compared by the
 * database's clock, like the services' claims: bookkeeping, not a rule of the domain).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    private static final Duration KEPT = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration processedEventRetention;

    Housekeeping(JdbcClient jdbc, Clock clock, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.processedEventRetention = properties.processedEventRetention();
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
        int claims = jdbc.sql("delete from processed_event where processed_at < now() - make_interval(secs => ?)")
                .param(processedEventRetention.toSeconds())
                .update();
        if (authorizations + links + throttles + claims > 0) {
            log.info(
                    "Housekeeping at {}: {} authorizations, {} links, {} failure counts and {} event claims deleted",
                    Instant.now(clock),
                    authorizations,
                    links,
                    throttles,
                    claims);
        }
    }
}
