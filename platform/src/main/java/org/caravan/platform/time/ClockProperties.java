package org.caravan.platform.time;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Either an offset from the system clock ({@code caravan.clock.offset=-PT6H}, {@code CARAVAN_CLOCK_OFFSET}), or the
 * instant the clock reads when the service starts ({@code caravan.clock.start=2026-12-08T03:45:00+08:00}). Several
 * processes that must agree on the time (the end-to-end tests' services, one restarted mid-test) share an offset.
 */
@ConfigurationProperties("caravan.clock")
public record ClockProperties(Duration offset, Instant start) {

    public ClockProperties {
        if (offset != null && start != null) {
            throw new IllegalArgumentException("Set caravan.clock.offset or caravan.clock.start, not both");
        }
    }

    Duration offsetFrom(Instant systemNow) {
        if (start != null) {
            return Duration.between(systemNow, start);
        }
        return offset == null ? Duration.ZERO : offset;
    }
}
