package org.caravan.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ClockConfigurationTests {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ClockConfiguration.class));

    @Test
    void withoutSettingsTheServicesReadTheSystemClock() {
        context.run(started -> assertThat(started.getBean(Clock.class)).isEqualTo(Clock.systemUTC()));
    }

    @Test
    void anOffsetShiftsTheClockWhichRunsOnFromThere() {
        context.withPropertyValues("caravan.clock.offset=-PT6H").run(started -> {
            Clock clock = started.getBean(Clock.class);
            Duration shift = Duration.between(Instant.now(), clock.instant());
            assertThat(shift)
                    .isBetween(
                            Duration.ofHours(-6).minusSeconds(5),
                            Duration.ofHours(-6).plusSeconds(5));
        });
    }

    @Test
    void aStartInstantIsWhatTheClockReadsWhenTheServiceStarts() {
        context.withPropertyValues("caravan.clock.start=2026-12-08T03:45:00+08:00")
                .run(started -> {
                    Instant read = started.getBean(Clock.class).instant();
                    assertThat(read)
                            .isBetween(Instant.parse("2026-12-07T19:45:00Z"), Instant.parse("2026-12-07T19:46:00Z"));
                });
    }

    @Test
    void anOffsetAndAStartTogetherAreRefused() {
        assertThatThrownBy(() -> new ClockProperties(Duration.ofHours(1), Instant.now()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("caravan.clock.offset or caravan.clock.start");
    }

    @Test
    void aClockTheApplicationDefinesItselfIsKept() {
        Clock fixed = Clock.fixed(Instant.parse("2026-12-12T02:00:00Z"), java.time.ZoneOffset.UTC);
        context.withBean(Clock.class, () -> fixed)
                .run(started -> assertThat(started.getBean(Clock.class)).isSameAs(fixed));
    }
}
