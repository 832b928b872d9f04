package org.caravan.event.visit;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.UUID;

/** What coordinators send to plan a visit; times are local date-times at the site. */
final class VisitRequests {

    private VisitRequests() {}

    record Draft(
            @NotNull UUID caravanId,
            @NotNull UUID siteId,
            @NotBlank @Size(min = 1, max = 200) String theme,
            @NotNull LocalDateTime startsAt,
            @NotNull LocalDateTime endsAt,
            @Min(0) @Max(100_000) int expectedAudience) {

        @AssertTrue(message = IN_RANGE)
        boolean isStartsAt() {
            return inRange(startsAt);
        }

        @AssertTrue(message = AFTER_START)
        boolean isEndsAt() {
            return endsAfterStart(startsAt, endsAt);
        }
    }

    record Reschedule(
            @NotNull LocalDateTime startsAt,
            @NotNull LocalDateTime endsAt,
            @NotBlank @Size(min = 1, max = 500) String reason) {

        @AssertTrue(message = IN_RANGE)
        boolean isStartsAt() {
            return inRange(startsAt);
        }

        @AssertTrue(message = AFTER_START)
        boolean isEndsAt() {
            return endsAfterStart(startsAt, endsAt);
        }
    }

    /** A visit is a stop on a day or a few: this bounds a typo (a year 20260) before it reaches the database. */
    static final int FIRST_YEAR = 2000;

    static final int LAST_YEAR = 2100;
    static final int LONGEST_DAYS = 7;
    static final String IN_RANGE = "must be in the years 2000 to 2100";
    static final String AFTER_START = "must be after startsAt, and at most 7 days after it";

    static boolean inRange(LocalDateTime at) {
        return at == null || (at.getYear() >= FIRST_YEAR && at.getYear() <= LAST_YEAR);
    }

    static boolean endsAfterStart(LocalDateTime startsAt, LocalDateTime endsAt) {
        return startsAt == null
                || endsAt == null
                || (endsAt.isAfter(startsAt) && !endsAt.isAfter(startsAt.plusDays(LONGEST_DAYS)));
    }

    record Cancel(@NotBlank @Size(min = 1, max = 500) String reason) {}
}
