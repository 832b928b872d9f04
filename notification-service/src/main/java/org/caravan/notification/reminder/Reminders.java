package org.caravan.notification.reminder;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caravan.contracts.staffing.AssignmentSnapshot;
import org.caravan.contracts.visit.ProgrammeItemSnapshot;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.notification.message.NoticeKind;
import org.caravan.notification.recipient.Recipient;
import org.caravan.notification.recipient.Recipients;
import org.caravan.platform.EventJson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reminders before a volunteer's item (by default 24 and 2 hours before) and a warning before an unanswered
 * offer expires (12 hours), kept in the database so a restart loses none. One that would fall in the volunteer's quiet hours comes before them instead; reminders move with
 * a rescheduled visit and are dropped when the volunteer no longer comes.
 */
@Component
public class Reminders {

    private final Clock clock;

    private final DatabaseClient database;
    private final Recipients recipients;
    private final List<Duration> leads;
    private final Duration offerWarning;

    Reminders(
            DatabaseClient database,
            Recipients recipients,
            @Value("${caravan.notification.reminders-before:24h,2h}") List<Duration> leads,
            @Value("${caravan.notification.offer-warning-before:12h}") Duration offerWarning,
            Clock clock) {
        this.clock = clock;
        this.database = database;
        this.recipients = recipients;
        this.leads = leads;
        this.offerWarning = offerWarning;
    }

    /** The confirmed place is kept (so that a moved visit can tell its volunteer), with reminders before it starts. */
    public Mono<Void> plan(AssignmentSnapshot assignment, Map<String, String> params) {
        return plan(NoticeKind.REMINDER, assignment, assignment.itemStartsAt(), leads, params, true);
    }

    /** A confirmed place on the visit: whose it is, on which item, and what its messages say. */
    public record Place(UUID assignmentId, UUID volunteerId, UUID itemId, Map<String, String> params) {}

    public Flux<Place> placesOn(UUID visitId) {
        return database.sql("select assignment_id, volunteer_id, item_id, params from place where visit_id = :visit"
                        + " order by assignment_id")
                .bind("visit", visitId)
                .map(row -> new Place(
                        row.get("assignment_id", UUID.class),
                        row.get("volunteer_id", UUID.class),
                        row.get("item_id", UUID.class),
                        params(row)))
                .all();
    }

    /** A warning before an unanswered offer expires; dropped once it is answered. */
    public Mono<Void> planOfferWarning(AssignmentSnapshot assignment, Map<String, String> params) {
        return plan(
                NoticeKind.OFFER_EXPIRING,
                assignment,
                assignment.offerExpiresAt(),
                List.of(offerWarning),
                params,
                false);
    }

    /**
     * The reminders of {@code kind} {@code before} the moment that are still to come, and with {@code place} the
     * place too, in one statement: a confirmation costs one round trip for its place and all its reminders.
     */
    private Mono<Void> plan(
            NoticeKind kind,
            AssignmentSnapshot assignment,
            Instant moment,
            List<Duration> before,
            Map<String, String> params,
            boolean place) {
        return recipients
                .find(Recipients.volunteerKey(assignment.volunteerId()))
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(recipient -> {
                    Instant now = clock.instant();
                    // Keyed by lead, so a lead configured twice plans one reminder.
                    Map<Duration, Instant> toCome = new java.util.LinkedHashMap<>();
                    before.forEach(lead -> {
                        Instant due = dueAt(moment, lead, recipient.orElse(null));
                        if (!due.isBefore(now)) {
                            toCome.put(lead, due);
                        }
                    });
                    if (toCome.isEmpty() && !place) {
                        return Mono.<Void>empty();
                    }
                    DatabaseClient.GenericExecuteSpec upsert = database.sql(planned(toCome.size(), place))
                            .bind("assignment", assignment.assignmentId())
                            .bind("volunteer", assignment.volunteerId())
                            .bind("visit", assignment.visitId())
                            .bind("item", assignment.itemId())
                            .bind("params", Json.of(EventJson.write(params)));
                    if (!toCome.isEmpty()) {
                        // Only the reminders' rows name a kind: a place with none to come binds none.
                        upsert = upsert.bind("kind", kind.name());
                    }
                    int i = 0;
                    for (Map.Entry<Duration, Instant> reminder : toCome.entrySet()) {
                        upsert = upsert.bind("lead" + i, (int) reminder.getKey().toMinutes())
                                .bind("due" + i, reminder.getValue());
                        i++;
                    }
                    return upsert.then();
                });
    }

    /** The statement of {@link #plan}: the place upserted first when asked, then one row per reminder to come. */
    private static String planned(int reminders, boolean place) {
        String placed =
                """
                insert into place (assignment_id, volunteer_id, visit_id, item_id, params)
                values (:assignment, :volunteer, :visit, :item, :params)
                on conflict (assignment_id) do update set params = excluded.params
                """;
        if (reminders == 0) {
            return placed;
        }
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < reminders; i++) {
            rows.append(i == 0 ? "" : ", ")
                    .append("(:assignment, :volunteer, :visit, :item, :kind, :lead")
                    .append(i)
                    .append(", :due")
                    .append(i)
                    .append(", :params, 'PLANNED')");
        }
        String planned = "insert into reminder (assignment_id, volunteer_id, visit_id, item_id, kind, lead_minutes,"
                + " due_at, params, status) values " + rows
                + " on conflict (assignment_id, kind, lead_minutes) do update set due_at = excluded.due_at,"
                + " params = excluded.params, status = 'PLANNED'";
        return place ? "with placed as (" + placed + ") " + planned : planned;
    }

    /**
     * The visit moved: each planned reminder follows its item's new start; one that is now due goes out at once,
     * unless the item has already begun, when it would only be noise.
     */
    public Mono<Void> replan(VisitSnapshot visit) {
        ZoneId zone = ZoneId.of(visit.site().timeZone());
        return Flux.fromIterable(visit.programme())
                .concatMap(item -> {
                    Instant startsAt = item.startsAt().atZone(zone).toInstant();
                    return startsAt.isAfter(clock.instant()) ? moveRemindersOf(item, startsAt) : dropRemindersOf(item);
                })
                .then();
    }

    private Mono<Void> dropRemindersOf(ProgrammeItemSnapshot item) {
        return database.sql("update reminder set status = 'DROPPED' where item_id = :item and kind = 'REMINDER'"
                        + " and status = 'PLANNED'")
                .bind("item", item.itemId())
                .then();
    }

    private Mono<Void> moveRemindersOf(ProgrammeItemSnapshot item, Instant startsAt) {
        return database.sql("select id, volunteer_id, lead_minutes, params from reminder where item_id = :item"
                        + " and kind = 'REMINDER' and status = 'PLANNED'")
                .bind("item", item.itemId())
                .map(row -> new Object[] {
                    row.get("id", UUID.class),
                    row.get("volunteer_id", UUID.class),
                    row.get("lead_minutes", Integer.class),
                    row.get("params", Json.class)
                })
                .all()
                .concatMap(reminder -> recipients
                        .find(Recipients.volunteerKey((UUID) reminder[1]))
                        .map(java.util.Optional::of)
                        .defaultIfEmpty(java.util.Optional.empty())
                        .flatMap(recipient -> {
                            @SuppressWarnings("unchecked")
                            Map<String, String> params =
                                    new java.util.HashMap<>(EventJson.read(((Json) reminder[3]).asArray(), Map.class));
                            params.put("startsAt", startsAt.toString());
                            Instant due =
                                    dueAt(startsAt, Duration.ofMinutes((Integer) reminder[2]), recipient.orElse(null));
                            return database.sql("update reminder set due_at = :due, params = :params where id = :id")
                                    .bind("due", due)
                                    .bind("params", Json.of(EventJson.write(params)))
                                    .bind("id", reminder[0])
                                    .then();
                        }))
                .then();
    }

    /** The offer was answered: no warning before it expires. */
    public Mono<Void> dropOfferWarning(UUID assignmentId) {
        return database.sql(
                        "update reminder set status = 'DROPPED' where assignment_id = :id and kind = 'OFFER_EXPIRING'"
                                + " and status = 'PLANNED'")
                .bind("id", assignmentId)
                .then();
    }

    /** The volunteer no longer comes: no reminders, and no longer a place to tell about. */
    public Mono<Void> dropForAssignment(UUID assignmentId) {
        return database.sql("update reminder set status = 'DROPPED' where assignment_id = :id and status = 'PLANNED'")
                .bind("id", assignmentId)
                .then()
                .then(database.sql("delete from place where assignment_id = :id")
                        .bind("id", assignmentId)
                        .then());
    }

    public Mono<Void> dropForVisit(UUID visitId) {
        return database.sql("update reminder set status = 'DROPPED' where visit_id = :id and status = 'PLANNED'")
                .bind("id", visitId)
                .then()
                .then(database.sql("delete from place where visit_id = :id")
                        .bind("id", visitId)
                        .then());
    }

    private static Instant dueAt(Instant startsAt, Duration lead, Recipient recipient) {
        Instant due = startsAt.minus(lead);
        return recipient == null ? due : recipient.beforeQuietHours(due);
    }

    /** A reminder still to come: of an item ({@code REMINDER}) or of an offer about to expire ({@code OFFER_EXPIRING}). */
    public record PlannedReminder(
            UUID id, String kind, UUID assignmentId, UUID visitId, String item, Instant startsAt, Instant dueAt) {}

    /** What the person signed in as {@code subject} will be reminded of, soonest first. */
    public Flux<PlannedReminder> plannedFor(String subject) {
        return database.sql(
                        """
                        select r.id, r.kind, r.assignment_id, r.visit_id, r.due_at, r.params
                        from reminder r join recipient p on p.key = 'volunteer:' || r.volunteer_id
                        where p.subject = :subject and r.status = 'PLANNED'
                        order by r.due_at, r.id
                        """)
                .bind("subject", subject)
                .map(row -> {
                    Map<String, String> params = params(row);
                    return new PlannedReminder(
                            row.get("id", UUID.class),
                            row.get("kind", String.class),
                            row.get("assignment_id", UUID.class),
                            row.get("visit_id", UUID.class),
                            params.get("item"),
                            Instant.parse(params.get("startsAt")),
                            row.get("due_at", OffsetDateTime.class).toInstant());
                })
                .all();
    }

    /** A reminder taken to be sent: its id, whom it is for, what it is about and its words' parameters. */
    public record Due(UUID id, UUID assignmentId, UUID volunteerId, NoticeKind kind, Map<String, String> params) {}

    /**
     * Marks up to {@code limit} reminders due at {@code now} as sent and returns them, in the caller's
     * transaction; with several replicas each is taken by one (skip locked).
     */
    public Flux<Due> takeDue(Instant now, int limit) {
        return database.sql(
                        """
                        update reminder set status = 'SENT'
                        where id in (select id from reminder where status = 'PLANNED' and due_at <= :now
                                     order by due_at limit :limit for update skip locked)
                        returning id, assignment_id, volunteer_id, kind, params
                        """)
                .bind("now", now)
                .bind("limit", limit)
                .map(row -> new Due(
                        row.get("id", UUID.class),
                        row.get("assignment_id", UUID.class),
                        row.get("volunteer_id", UUID.class),
                        NoticeKind.valueOf(row.get("kind", String.class)),
                        params(row)))
                .all();
    }

    /** A reminder's or a place's words' parameters, kept as JSON. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> params(Readable row) {
        return EventJson.read(row.get("params", Json.class).asArray(), Map.class);
    }
}
