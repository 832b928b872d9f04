package org.caravan.platform.testing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.stream.Stream;

/**
 * Moments of a week in Beijing at which the time-sensitive tests run, so that a rule that reads the wall clock
 * fails the build at any hour rather than only at night. Everyone in the fixtures is quiet from 22:00 to 07:00.
 */
public enum Moments {
    /** When CI once failed: an offer e-mail is held until 07:00. */
    TUESDAY_0345_BEIJING("2026-12-08T03:45"),
    /** The minute a 22:00–07:00 quiet window ends. */
    TUESDAY_0700_BEIJING("2026-12-08T07:00"),
    TUESDAY_1430_BEIJING("2026-12-08T14:30"),
    /** The minute a 22:00–07:00 quiet window begins. */
    TUESDAY_2200_BEIJING("2026-12-08T22:00"),
    /** Caravans visit on Saturdays. */
    SATURDAY_1000_BEIJING("2026-12-12T10:00");

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** Where every integration test starts unless it chooses: a working afternoon, outside everyone's quiet hours. */
    public static final Moments DEFAULT = TUESDAY_1430_BEIJING;

    private final Instant instant;

    Moments(String beijingTime) {
        this.instant = LocalDateTime.parse(beijingTime)
                .atZone(ZoneId.of("Asia/Shanghai"))
                .toInstant();
    }

    public Instant instant() {
        return instant;
    }

    /** For {@code @ParameterizedClass @MethodSource("org.caravan.platform.testing.Moments#acrossTheWeek")}. */
    public static Stream<Moments> acrossTheWeek() {
        return Stream.of(values());
    }
}
