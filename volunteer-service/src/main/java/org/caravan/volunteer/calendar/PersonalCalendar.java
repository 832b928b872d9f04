package org.caravan.volunteer.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.caravan.platform.calendar.ICalendar;
import org.caravan.platform.web.ProblemException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A volunteer's own places as a calendar feed. Calendar apps cannot send a bearer token, so the feed URL
 * carries a personal token; only its hash is stored, and issuing a new one (or revoking) ends the old.
 */
@Service
class PersonalCalendar {

    private final Clock clock;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseClient database;

    PersonalCalendar(DatabaseClient database, Clock clock) {
        this.clock = clock;
        this.database = database;
    }

    /** A new token for the caller, replacing any earlier one; returned once, never stored in clear. */
    Mono<String> issueToken(String subject) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return database.sql("update volunteer set calendar_token_hash = :hash where subject = :subject")
                .bind("hash", hash(token))
                .bind("subject", subject)
                .fetch()
                .rowsUpdated()
                .flatMap(rows -> rows == 1
                        ? Mono.just(token)
                        : Mono.error(ProblemException.notFound("Volunteer profile", subject)));
    }

    Mono<Void> revoke(String subject) {
        return database.sql("update volunteer set calendar_token_hash = null where subject = :subject")
                .bind("subject", subject)
                .then();
    }

    private record Entry(
            UUID assignmentId,
            long version,
            String status,
            String role,
            String title,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            String site,
            String zone,
            String theme) {}

    /**
     * Confirmed and attended places; withdrawn or cancelled ones stay as CANCELLED so that subscribed
     * calendars remove them. A token nobody holds is "not found".
     */
    Mono<String> feed(String token) {
        return database.sql(
                        """
                        select a.id, a.version, a.status, a.role, i.title, i.starts_at, i.ends_at, i.site_name,
                          i.time_zone, i.theme
                        from volunteer p join assignment a on a.volunteer_id = p.id
                        join programme_item i on i.item_id = a.item_id
                        where p.calendar_token_hash = :hash and a.status in
                          ('CONFIRMED', 'CHECKED_IN', 'CHECKED_OUT', 'WITHDRAWN', 'CANCELLED_BY_VISIT', 'RELEASED')
                        order by i.starts_at
                        """)
                .bind("hash", hash(token == null ? "" : token))
                .map(row -> new Entry(
                        row.get("id", UUID.class),
                        row.get("version", Long.class),
                        row.get("status", String.class),
                        row.get("role", String.class),
                        row.get("title", String.class),
                        row.get("starts_at", OffsetDateTime.class),
                        row.get("ends_at", OffsetDateTime.class),
                        row.get("site_name", String.class),
                        row.get("time_zone", String.class),
                        row.get("theme", String.class)))
                .all()
                .collectList()
                .flatMap(entries -> entries.isEmpty() ? knownToken(token).thenReturn(entries) : Mono.just(entries))
                .map(this::calendar);
    }

    private Mono<Void> knownToken(String token) {
        return database.sql("select 1 from volunteer where calendar_token_hash = :hash")
                .bind("hash", hash(token == null ? "" : token))
                .map(row -> 1)
                .one()
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Calendar", "for this link")))
                .then();
    }

    private String calendar(List<Entry> entries) {
        ICalendar calendar = ICalendar.published(
                "-//Caravan//volunteer-service//EN",
                "My Caravan places",
                entries.stream().map(entry -> ZoneId.of(entry.zone())).toList());
        for (Entry entry : entries) {
            ZoneId zone = ZoneId.of(entry.zone());
            boolean ended =
                    Set.of("WITHDRAWN", "CANCELLED_BY_VISIT", "RELEASED").contains(entry.status());
            calendar.line("BEGIN", "VEVENT")
                    .line("UID", entry.assignmentId() + "@volunteer-service.caravan")
                    .line("DTSTAMP", ICalendar.UTC.format(clock.instant()))
                    .line("SEQUENCE", String.valueOf(entry.version()))
                    .line(
                            "DTSTART;TZID=" + zone.getId(),
                            ICalendar.LOCAL.format(entry.startsAt().atZoneSameInstant(zone)))
                    .line(
                            "DTEND;TZID=" + zone.getId(),
                            ICalendar.LOCAL.format(entry.endsAt().atZoneSameInstant(zone)))
                    .text("SUMMARY", entry.title() + " (" + entry.role() + ")")
                    .text("LOCATION", entry.site())
                    .text("DESCRIPTION", entry.theme())
                    .line("STATUS", ended ? "CANCELLED" : "CONFIRMED")
                    .line("END", "VEVENT");
        }
        return calendar.end();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JDK has SHA-256", impossible);
        }
    }
}
