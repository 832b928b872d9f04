package org.caravan.event;

import java.time.DateTimeException;
import java.time.ZoneId;

/** Sites keep IANA time zone names; Beijing's is the default. */
public final class TimeZones {

    public static final String DEFAULT = "Asia/Shanghai";

    private TimeZones() {}

    public static boolean isValid(String zone) {
        try {
            ZoneId.of(zone);
            return zone.contains("/") || zone.equals("UTC");
        } catch (DateTimeException | NullPointerException e) {
            return false;
        }
    }
}
