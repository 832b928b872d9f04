package org.caravan.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The provider's clock under test: it runs on from a moment the test chooses, and can be moved ahead. */
public final class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void setTo(Instant moment) {
        offset = Duration.between(Instant.now(), moment);
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
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
}
