package org.caravan.event.visit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.caravan.event.TimeZones;
import org.caravan.platform.web.ProblemException;

/**
 * One end of a search window as a query parameter gives it: a date alone is the start of that day in Beijing, a
 * date-time without an offset is Beijing's too, one with an offset or Z is that instant. Absent means open.
 */
final class WindowBound {

    private static final ZoneId BEIJING = ZoneId.of(TimeZones.DEFAULT);

    private WindowBound() {}

    static Instant parse(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = instant(value.strip());
        } catch (DateTimeException e) {
            throw ProblemException.invalidField(parameter, "must be an ISO-8601 date or date-time such as 2026-09-26");
        }
        int year = instant.atZone(BEIJING).getYear();
        if (year < VisitRequests.FIRST_YEAR || year > VisitRequests.LAST_YEAR) {
            throw ProblemException.invalidField(parameter, VisitRequests.IN_RANGE);
        }
        return instant;
    }

    private static Instant instant(String value) {
        if (value.length() == 10) {
            return LocalDate.parse(value).atStartOfDay(BEIJING).toInstant();
        }
        if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
            return OffsetDateTime.parse(value).toInstant();
        }
        return LocalDateTime.parse(value).atZone(BEIJING).toInstant();
    }
}
