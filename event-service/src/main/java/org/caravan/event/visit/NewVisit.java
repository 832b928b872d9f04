package org.caravan.event.visit;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** What a coordinator sends to put a visit on the calendar; times are local to the site. */
public record NewVisit(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 200) String siteName,
        @NotNull LocalDateTime startsAt,
        @NotNull LocalDateTime endsAt,
        @Size(max = 64) String timeZone) {

    static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";

    @AssertTrue(message = "must be after startsAt")
    boolean isEndsAt() {
        return startsAt == null || endsAt == null || endsAt.isAfter(startsAt);
    }

    @AssertTrue(message = "must be an IANA time zone such as Asia/Shanghai")
    boolean isTimeZone() {
        try {
            ZoneId.of(timeZoneOrDefault());
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    String timeZoneOrDefault() {
        return timeZone == null || timeZone.isBlank() ? DEFAULT_TIME_ZONE : timeZone;
    }
}
