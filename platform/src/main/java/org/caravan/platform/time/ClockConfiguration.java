package org.caravan.platform.time;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The one {@link Clock} every rule reads: quiet hours, reminders, offer expiry, check-in windows, gap checks,
 * donation programmes. The system clock unless {@code caravan.clock.offset} or {@code caravan.clock.start} is set,
 * which only tests and demonstrations do: the clock then runs on from the shifted instant. Bookkeeping rows the
 * platform keeps (outbox, consumers' claims) are stamped and pruned by the database's own clock instead, so that a
 * shifted clock never makes an event look hours old to the backlog gauge.
 */
@AutoConfiguration
@EnableConfigurationProperties(ClockProperties.class)
public class ClockConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock(ClockProperties properties) {
        Clock system = Clock.systemUTC();
        Duration offset = properties.offsetFrom(system.instant());
        if (offset.isZero()) {
            return system;
        }
        Clock shifted = Clock.offset(system, offset);
        log.warn("The clock is shifted by {} (caravan.clock): it reads {} now", offset, shifted.instant());
        return shifted;
    }
}
