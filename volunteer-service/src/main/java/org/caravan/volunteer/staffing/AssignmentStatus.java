package org.caravan.volunteer.staffing;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where an assignment stands. The table below is the one statement of which status may follow which: the
 * store refuses every other change, and its set-wide changes (expiry, a cancelled visit) pick their rows by it.
 */
public enum AssignmentStatus {
    OFFERED,
    CONFIRMED,
    WAITLISTED,
    DECLINED,
    WITHDRAWN,
    EXPIRED,
    CANCELLED_BY_VISIT,
    RELEASED,
    CHECKED_IN,
    CHECKED_OUT,
    NO_SHOW;

    /** Statuses missing here are final: hours and the calendar keep reading them, nothing changes them. */
    private static final Map<AssignmentStatus, Set<AssignmentStatus>> NEXT = new EnumMap<>(Map.of(
            OFFERED, EnumSet.of(CONFIRMED, WAITLISTED, DECLINED, EXPIRED, CANCELLED_BY_VISIT, RELEASED),
            // A waitlisted person gets an offer of their own when a place comes free, never a place directly.
            WAITLISTED, EnumSet.of(OFFERED, WITHDRAWN, CANCELLED_BY_VISIT, RELEASED),
            CONFIRMED, EnumSet.of(CHECKED_IN, NO_SHOW, WITHDRAWN, CANCELLED_BY_VISIT, RELEASED),
            // Once someone has come, the visit's fate no longer erases that they served.
            CHECKED_IN, EnumSet.of(CHECKED_OUT)));

    public boolean mayBecome(AssignmentStatus next) {
        return NEXT.getOrDefault(this, Set.of()).contains(next);
    }

    static Set<AssignmentStatus> thatMayBecome(AssignmentStatus next) {
        return Arrays.stream(values())
                .filter(status -> status.mayBecome(next))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(AssignmentStatus.class)));
    }

    /** {@code ('A', 'B')}, for a guard in SQL: literal, so that the planner can use the partial indexes on status. */
    static String sqlThatMayBecome(AssignmentStatus next) {
        return thatMayBecome(next).stream()
                .map(status -> "'" + status.name() + "'")
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
