package org.caravan.event.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.caravan.platform.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class WindowBoundTests {

    @Test
    void aDateAloneIsTheStartOfThatDayInBeijing() {
        assertThat(WindowBound.parse("2026-09-26", "from")).isEqualTo(Instant.parse("2026-09-25T16:00:00Z"));
    }

    @Test
    void aDateTimeWithoutAnOffsetIsBeijingTime() {
        assertThat(WindowBound.parse("2026-09-26T09:30", "from")).isEqualTo(Instant.parse("2026-09-26T01:30:00Z"));
    }

    @Test
    void anOffsetOrZIsTakenAsGiven() {
        assertThat(WindowBound.parse("2026-09-26T09:30:00+06:00", "to"))
                .isEqualTo(Instant.parse("2026-09-26T03:30:00Z"));
        assertThat(WindowBound.parse("2026-09-26T09:30:00Z", "to")).isEqualTo(Instant.parse("2026-09-26T09:30:00Z"));
    }

    @Test
    void absentOrBlankLeavesTheWindowOpen() {
        assertThat(WindowBound.parse(null, "from")).isNull();
        assertThat(WindowBound.parse(" ", "from")).isNull();
    }

    @Test
    void somethingThatIsNotADateIsABadRequestNamingTheParameter() {
        assertThat(errors(() -> WindowBound.parse("26/09/2026", "to")))
                .containsExactly(
                        Map.of("field", "to", "message", "must be an ISO-8601 date or date-time such as 2026-09-26"));
    }

    @Test
    void aDateOutsideTheYearsVisitsMayHaveIsABadRequestToo() {
        assertThat(errors(() -> WindowBound.parse("1999-12-31", "from")))
                .containsExactly(Map.of("field", "from", "message", VisitRequests.IN_RANGE));
        assertThat(WindowBound.parse("2100-12-31", "from")).isNotNull();
    }

    private static List<Object> errors(Runnable parse) {
        ProblemException refused = catchThrowableOfType(ProblemException.class, parse::run);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        return List.copyOf((List<?>) refused.getBody().getProperties().get("errors"));
    }
}
