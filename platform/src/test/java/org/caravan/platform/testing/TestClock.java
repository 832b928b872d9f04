package org.caravan.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The clock of every service under test in this JVM: it runs at the speed of the system clock from a moment the
 * test chooses, so sweeps and retries still happen, at 03:45 in Beijing as at noon. Integration tests start each
 * test at {@link Moments#DEFAULT} unless they choose another moment, so no test reads the wall clock.
 */
public final class TestClock extends Clock {

    private static final TestClock SHARED = new TestClock();

    private volatile Duration offset = Duration.between(Instant.now(), Moments.DEFAULT.instant());

    private TestClock() {}

    public static TestClock shared() {
        return SHARED;
    }

    /** From now on the clock reads {@code moment}, and runs on from there. */
    public void setTo(Instant moment) {
        offset = Duration.between(Instant.now(), moment);
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** The offset from the system clock, to give processes started by a test the same time. */
    public Duration offset() {
        return offset;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    /** Imported by the services' integration tests in place of the platform's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        Clock testClock() {
            return SHARED;
        }
    }
}
