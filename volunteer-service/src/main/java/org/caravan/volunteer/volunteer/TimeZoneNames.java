package org.caravan.volunteer.volunteer;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.caravan.platform.web.ProblemException;

/** A person's time zone must be one the JDK knows, or reminders would be computed for nowhere. */
final class TimeZoneNames {

    private TimeZoneNames() {}

    static String require(String timeZone) {
        try {
            return ZoneId.of(timeZone).getId();
        } catch (DateTimeException unknown) {
            throw ProblemException.invalidField("timeZone", "unknown time zone '" + timeZone + "'");
        }
    }
}
