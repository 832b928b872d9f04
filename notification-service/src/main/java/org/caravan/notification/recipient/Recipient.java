package org.caravan.notification.recipient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Someone who can be told something: their login (for the inbox), how else to reach them in order of
 * preference, their language and time zone, and the hours in which nothing non-urgent should reach them.
 */
public record Recipient(
        String key,
        String subject,
        String name,
        String email,
        String locale,
        ZoneId zone,
        List<String> channels,
        LocalTime quietFrom,
        LocalTime quietTo,
        String webhookUrl) {

    public static final String INBOX = "INBOX";

    /** Someone known only by their login: coordinators and liaisons, told in their inbox. */
    public static Recipient subjectOnly(String subject) {
        return new Recipient(
                Recipients.subjectKey(subject),
                subject,
                subject,
                null,
                "zh-CN",
                ZoneId.of("Asia/Shanghai"),
                List.of(INBOX),
                null,
                null,
                null);
    }

    /** The channel at this rank of preference after the inbox (1 = most preferred), if there is one. */
    public String channelAt(int rank) {
        List<String> others = channels.stream().filter(c -> !INBOX.equals(c)).toList();
        return rank >= 1 && rank <= others.size() ? others.get(rank - 1) : null;
    }

    /** The same instant if it is outside quiet hours; otherwise when they end. */
    public Instant notInQuietHours(Instant at) {
        if (quietFrom == null || quietTo == null) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean overnight = quietFrom.isAfter(quietTo);
        boolean quiet = overnight
                ? !time.isBefore(quietFrom) || time.isBefore(quietTo)
                : !time.isBefore(quietFrom) && time.isBefore(quietTo);
        if (!quiet) {
            return at;
        }
        LocalDate endDay =
                overnight && !time.isBefore(quietFrom) ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        return endDay.atTime(quietTo).atZone(zone).toInstant();
    }

    /** For a reminder: the same instant outside quiet hours; inside them, their start, so it comes earlier. */
    public Instant beforeQuietHours(Instant at) {
        Instant after = notInQuietHours(at);
        if (after.equals(at)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalDate startDay = quietFrom.isAfter(quietTo) && local.toLocalTime().isBefore(quietTo)
                ? local.toLocalDate().minusDays(1)
                : local.toLocalDate();
        return startDay.atTime(quietFrom).atZone(zone).toInstant().minusSeconds(60);
    }
}
