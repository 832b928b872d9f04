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
            @NotBlank @Size(max = 200) String theme,
            @NotNull LocalDateTime startsAt,
            @NotNull LocalDateTime endsAt,
            @Min(0) @Max(100_000) int expectedAudience) {

        @AssertTrue(message = "must be after startsAt")
        boolean isEndsAt() {
            return startsAt == null || endsAt == null || endsAt.isAfter(startsAt);
        }
    }

    record Reschedule(
            @NotNull LocalDateTime startsAt, @NotNull LocalDateTime endsAt, @NotBlank @Size(max = 500) String reason) {

        @AssertTrue(message = "must be after startsAt")
        boolean isEndsAt() {
            return startsAt == null || endsAt == null || endsAt.isAfter(startsAt);
        }
    }

    record Cancel(@NotBlank @Size(max = 500) String reason) {}
}
