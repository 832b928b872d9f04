package org.caravan.infrastructure;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * A busy season's requests, as the public APIs take them: visits whose stations each need a number of helpers
 * with logistics skills, and helpers who fit them. The benchmark and the container tests load the system with them.
 */
public final class BusySeason {

    public static final int STATIONS_PER_VISIT = 10;

    private BusySeason() {}

    /** A day-long visit of the caravan to the site, from nine to five. */
    public static Map<String, Object> visit(String theme, String caravanId, String siteId, LocalDate day) {
        return Map.of(
                "theme",
                theme,
                "caravanId",
                caravanId,
                "siteId",
                siteId,
                "startsAt",
                day.atTime(9, 0).toString(),
                "endsAt",
                day.atTime(17, 0).toString(),
                "expectedAudience",
                100);
    }

    /** The {@code index}-th station of a visit on {@code day}: twenty minutes, every half hour from nine. */
    public static Map<String, Object> station(LocalDate day, int index, int helpersNeeded) {
        return Map.of(
                "title",
                "Station " + (index + 1),
                "kind",
                "PERFORMANCE",
                "startsAt",
                day.atTime(LocalTime.of(9, 0).plusMinutes(30L * index)).toString(),
                "durationMinutes",
                20,
                "needs",
                List.of(Map.of("role", "helper", "skills", List.of("LOGISTICS"), "headcount", helpersNeeded)),
                "teamSlots",
                0);
    }

    /** A volunteer in Daxing who fits every station and is told in the inbox only. */
    public static Map<String, Object> helper(String subject) {
        return Map.of(
                "subject",
                subject,
                "name",
                "Volunteer " + subject.substring(Math.max(0, subject.length() - 8)),
                "skills",
                List.of("LOGISTICS"),
                "languages",
                List.of("zh-CN"),
                "district",
                "大兴区 Daxing",
                "locale",
                "zh-CN",
                "timeZone",
                "Asia/Shanghai",
                "contactPreferences",
                Map.of("channels", List.of("INBOX")));
    }
}
