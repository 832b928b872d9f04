package org.caravan.volunteer.volunteer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.caravan.platform.web.ProblemException;

/**
 * When a volunteer can serve, in their own time zone: weekly windows, and dated exceptions that either block
 * a day (or part of it) or open one. An exception on a date wins over the weekly pattern.
 */
public record Availability(
        @Size(max = MOST_WEEKLY) List<@Valid WeeklyWindow> weekly,
        @Size(max = MOST_DATES) List<@Valid DatedException> exceptions) {

    /** Four windows a day, every day of the week. */
    static final int MOST_WEEKLY = 28;
    /** A year and a half of dated exceptions. */
    static final int MOST_DATES = 550;

    public static final Availability UNKNOWN = new Availability(List.of(), List.of());

    public Availability {
        weekly = weekly == null ? List.of() : List.copyOf(weekly);
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
    }

    public record WeeklyWindow(@NotNull DayOfWeek day, @NotNull LocalTime from, @NotNull LocalTime to) {}

    /** {@code from} and {@code to} left out mean the whole day. */
    public record DatedException(@NotNull LocalDate date, boolean available, LocalTime from, LocalTime to) {

        boolean wholeDay() {
            return from == null && to == null;
        }
    }

    /** Best first: suggestions rank by this order. */
    public enum Fit {
        AVAILABLE,
        /** The volunteer has said nothing about that time. */
        UNKNOWN,
        UNAVAILABLE
    }

    /** Whether the span, seen in the volunteer's zone, lies inside what they offered. Spans within one day. */
    public Fit fit(Instant start, Instant end, ZoneId zone) {
        LocalDateTime from = LocalDateTime.ofInstant(start, zone);
        LocalDateTime to = LocalDateTime.ofInstant(end, zone);
        if (!from.toLocalDate().equals(to.toLocalDate()) && !to.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return Fit.UNKNOWN;
        }
        LocalTime startTime = from.toLocalTime();
        LocalTime endTime = to.toLocalDate().isAfter(from.toLocalDate()) ? LocalTime.MAX : to.toLocalTime();
        List<DatedException> thatDay = exceptions.stream()
                .filter(e -> e.date().equals(from.toLocalDate()))
                .toList();
        if (thatDay.stream().anyMatch(e -> !e.available() && overlaps(e, startTime, endTime))) {
            return Fit.UNAVAILABLE;
        }
        if (thatDay.stream().anyMatch(e -> e.available() && covers(e.from(), e.to(), startTime, endTime))) {
            return Fit.AVAILABLE;
        }
        if (weekly.isEmpty()) {
            return Fit.UNKNOWN;
        }
        boolean weeklyCovers = weekly.stream()
                .anyMatch(w -> w.day() == from.getDayOfWeek() && covers(w.from(), w.to(), startTime, endTime));
        return weeklyCovers ? Fit.AVAILABLE : Fit.UNAVAILABLE;
    }

    /** Refuses windows that end before they start, naming the field, so that nothing half-valid is stored. */
    public Availability validated() {
        for (int i = 0; i < weekly.size(); i++) {
            WeeklyWindow window = weekly.get(i);
            String field = "availability.weekly[" + i + "]";
            if (window == null || window.day() == null || window.from() == null || window.to() == null) {
                throw ProblemException.invalidField(field, "needs day, from and to");
            }
            requireOrdered(field, window.from(), window.to());
        }
        for (int i = 0; i < exceptions.size(); i++) {
            DatedException exception = exceptions.get(i);
            String field = "availability.exceptions[" + i + "]";
            if (exception == null || exception.date() == null) {
                throw ProblemException.invalidField(field, "needs a date");
            }
            if (!exception.wholeDay()) {
                if (exception.from() == null || exception.to() == null) {
                    throw ProblemException.invalidField(field, "give both from and to, or neither for the whole day");
                }
                requireOrdered(field, exception.from(), exception.to());
            }
        }
        return this;
    }

    private static void requireOrdered(String field, LocalTime from, LocalTime to) {
        if (!from.isBefore(to)) {
            throw ProblemException.invalidField(field, "from " + from + " must be before to " + to);
        }
    }

    private static boolean overlaps(DatedException blocked, LocalTime start, LocalTime end) {
        return blocked.wholeDay() || (blocked.from().isBefore(end) && start.isBefore(blocked.to()));
    }

    private static boolean covers(LocalTime from, LocalTime to, LocalTime start, LocalTime end) {
        LocalTime windowStart = Optional.ofNullable(from).orElse(LocalTime.MIN);
        LocalTime windowEnd = Optional.ofNullable(to).orElse(LocalTime.MAX);
        return !start.isBefore(windowStart) && !end.isAfter(windowEnd);
    }
}
