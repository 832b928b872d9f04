package org.caravan.platform.calendar;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Writes RFC 5545 text: escaped values, lines folded at 75 octets, CRLF endings, VTIMEZONE from java.time. */
public final class ICalendar {

    public static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    /** A moment in UTC, as DTSTAMP wants it. */
    public static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final StringBuilder text = new StringBuilder();

    /**
     * A calendar that subscribers read as published by {@code productId}, shown under {@code name}, with one
     * VTIMEZONE per zone its events use (each once, in the order given); end it with {@link #end()}.
     */
    public static ICalendar published(String productId, String name, Collection<ZoneId> zones) {
        ICalendar calendar = new ICalendar()
                .line("BEGIN", "VCALENDAR")
                .line("VERSION", "2.0")
                .line("PRODID", productId)
                .line("CALSCALE", "GREGORIAN")
                .line("METHOD", "PUBLISH")
                .text("X-WR-CALNAME", name);
        new LinkedHashSet<>(zones).forEach(calendar::timeZone);
        return calendar;
    }

    public String end() {
        return line("END", "VCALENDAR").toString();
    }

    public ICalendar line(String name, String value) {
        String line = name + ":" + value;
        int start = 0;
        boolean first = true;
        while (start < line.length()) {
            int end = foldPoint(line, start, first ? 75 : 74);
            text.append(first ? "" : " ").append(line, start, end).append("\r\n");
            start = end;
            first = false;
        }
        return this;
    }

    public ICalendar text(String name, String value) {
        return line(name, escape(value));
    }

    /** Beyond every zone's last recorded change: its offset there is the one it keeps. */
    private static final java.time.Instant AFTER_ALL_CHANGES = java.time.Instant.parse("3000-01-01T00:00:00Z");

    /** The zone's current rules: a fixed offset, or standard and daylight time with their yearly changes. */
    public ICalendar timeZone(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        line("BEGIN", "VTIMEZONE").line("TZID", zone.getId());
        List<ZoneOffsetTransitionRule> transitions = rules.getTransitionRules();
        if (transitions.isEmpty()) {
            ZoneOffset offset = rules.getOffset(AFTER_ALL_CHANGES);
            observance("STANDARD", "19700101T000000", offset, offset, null);
        } else {
            for (ZoneOffsetTransitionRule rule : transitions) {
                boolean daylight = rule.getOffsetAfter().getTotalSeconds()
                        > rule.getStandardOffset().getTotalSeconds();
                LocalDateTime firstChange =
                        LocalDateTime.of(1970, rule.getMonth(), 1, 0, 0).with(rule.getLocalTime());
                observance(
                        daylight ? "DAYLIGHT" : "STANDARD",
                        LOCAL.format(firstChange),
                        rule.getOffsetBefore(),
                        rule.getOffsetAfter(),
                        yearly(rule));
            }
        }
        return line("END", "VTIMEZONE");
    }

    private void observance(String kind, String start, ZoneOffset from, ZoneOffset to, String rrule) {
        line("BEGIN", kind)
                .line("DTSTART", start)
                .line("TZOFFSETFROM", offset(from))
                .line("TZOFFSETTO", offset(to));
        if (rrule != null) {
            line("RRULE", rrule);
        }
        line("END", kind);
    }

    /** "Last Sunday of March" and "first Sunday on or after the 8th" both become a yearly rule. */
    private static String yearly(ZoneOffsetTransitionRule rule) {
        String day = rule.getDayOfWeek() == null ? null : weekday(rule.getDayOfWeek());
        int indicator = rule.getDayOfMonthIndicator();
        String base = "FREQ=YEARLY;BYMONTH=" + rule.getMonth().getValue();
        if (day == null) {
            return base + ";BYMONTHDAY=" + indicator;
        }
        if (indicator < 0) {
            return base + ";BYDAY=" + (indicator == -1 ? "-1" : "") + day
                    + (indicator == -1 ? "" : ";BYMONTHDAY=" + days(indicator - 6, indicator));
        }
        return base + ";BYDAY=" + day + ";BYMONTHDAY=" + days(indicator, indicator + 6);
    }

    private static String days(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(String::valueOf).collect(Collectors.joining(","));
    }

    private static String weekday(DayOfWeek day) {
        return day.name().substring(0, 2);
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int minutes = Math.abs(seconds) / 60;
        return String.format(Locale.ROOT, "%s%02d%02d", seconds < 0 ? "-" : "+", minutes / 60, minutes % 60);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\n", "\\n");
    }

    /** Folds before a character would pass the octet limit, never inside a UTF-8 sequence. */
    private static int foldPoint(String line, int start, int maxOctets) {
        int octets = 0;
        int index = start;
        while (index < line.length()) {
            int codePoint = line.codePointAt(index);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > maxOctets) {
                break;
            }
            octets += size;
            index += Character.charCount(codePoint);
        }
        return index;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
