package org.caravan.volunteer.staffing;

import static org.caravan.volunteer.staffing.AssignmentStatus.CANCELLED_BY_VISIT;
import static org.caravan.volunteer.staffing.AssignmentStatus.CHECKED_IN;
import static org.caravan.volunteer.staffing.AssignmentStatus.CHECKED_OUT;
import static org.caravan.volunteer.staffing.AssignmentStatus.CONFIRMED;
import static org.caravan.volunteer.staffing.AssignmentStatus.DECLINED;
import static org.caravan.volunteer.staffing.AssignmentStatus.EXPIRED;
import static org.caravan.volunteer.staffing.AssignmentStatus.NO_SHOW;
import static org.caravan.volunteer.staffing.AssignmentStatus.OFFERED;
import static org.caravan.volunteer.staffing.AssignmentStatus.RELEASED;
import static org.caravan.volunteer.staffing.AssignmentStatus.WAITLISTED;
import static org.caravan.volunteer.staffing.AssignmentStatus.WITHDRAWN;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.caravan.contracts.CaravanEvent;
import org.caravan.contracts.staffing.AssignmentSnapshot;
import org.caravan.platform.outbox.Outbox;
import org.caravan.platform.web.ProblemException;
import org.caravan.volunteer.staffing.TravelTime.Stay;
import org.caravan.volunteer.volunteer.Volunteer;
import org.caravan.volunteer.volunteer.VolunteerRepository;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one writer of the {@code assignment} table: offers, a named change for each step that
 * {@link AssignmentStatus} allows, and the event about each change through the outbox. A change of one
 * assignment is made on the row locked by {@link #lockFor}; the changes of many select their rows by the
 * status table and skip rows others hold. Someone else's assignment is "not found" to a volunteer, so that ids
 * cannot be probed.
 */
@Component
public class Assignments {

    private static final String FIELDS =
            "id, item_id, role, volunteer_id, team_id, status, offered_at, offer_expires_at,"
                    + " answered_at, waitlist_order, conflict_override_reason, reconfirmation_requested_at, checked_in_at,"
                    + " checked_out_at";

    private static final String A_FIELDS = "a." + FIELDS.replace(", ", ", a.");

    private static final String ANSWERED = "answered_at = :at, waitlist_order = null";

    /** Why a change was refused, by the status it would have led to; said to the caller with the status as is. */
    private static final Map<AssignmentStatus, String> ONLY = Map.of(
            CONFIRMED, "Only an open offer can be answered",
            WAITLISTED, "Only an open offer can be answered",
            DECLINED, "Only an open offer can be answered",
            WITHDRAWN, "Only a confirmed or waitlisted assignment can be withdrawn; an offer is declined",
            CHECKED_IN, "Only a confirmed place can be checked in",
            CHECKED_OUT, "Only a checked-in volunteer can check out",
            NO_SHOW, "Only a confirmed place can be a no-show");

    private final DatabaseClient database;
    private final VolunteerRepository volunteers;
    private final Outbox outbox;

    Assignments(DatabaseClient database, VolunteerRepository volunteers, Outbox outbox) {
        this.database = database;
        this.volunteers = volunteers;
        this.outbox = outbox;
    }

    /** The programme item an assignment is for, with its times and where it takes place. */
    public record Slot(
            UUID visitId, UUID itemId, String title, Instant startsAt, Instant endsAt, String site, ZoneId zone) {}

    /** Who acts: their login, and whether they act as a coordinator (who may act on anyone's assignment). */
    public record Caller(String subject, boolean coordinator) {}

    /** Who an offer is for: a volunteer in a role, or a team (answered by its lead) in a team slot. */
    record Offeree(String role, UUID volunteerId, UUID teamId) {}

    /** One of the volunteer's assignments with what they need to know: the visit, the site, the item, its times. */
    record Placement(
            @JsonUnwrapped Assignment assignment,
            UUID visitId,
            String visitTheme,
            String site,
            String itemTitle,
            Instant startsAt,
            Instant endsAt,
            String timeZone) {}

    /**
     * One of a programme item's assignments with who it is for by name, so that a list of them needs no call per
     * person: the team's name for a team slot (with its lead's, who answers for it), else the volunteer's.
     */
    record ItemAssignment(@JsonUnwrapped Assignment assignment, String name, String leadName) {}

    /** The assignment, locked for a change by the caller: a coordinator, or the volunteer (or team lead) it is for. */
    public Mono<Assignment> lockFor(UUID assignmentId, Caller caller) {
        if (caller.coordinator()) {
            return lock(assignmentId, null);
        }
        return volunteers
                .findBySubject(caller.subject())
                .map(Volunteer::id)
                .flatMap(me -> lock(assignmentId, me))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Assignment", assignmentId)));
    }

    /** Locked as above, and refused (409) unless its status may become {@code next}, before any other rule. */
    public Mono<Assignment> lockFor(UUID assignmentId, Caller caller, AssignmentStatus next) {
        return lockFor(assignmentId, caller).map(assignment -> allowed(assignment, next));
    }

    /**
     * An offer locked for an answer, with all an answer needs to decide and tell it: the item (for the event), and
     * the volunteer's held places near it in time (for an accept's double-booking check).
     */
    record OfferToAnswer(Assignment offer, Slot slot, Stay wanted, List<DoubleBooking.Held> heldNearby) {}

    /** One row of {@link #lockToAnswer}: the offer and its item repeated beside each held place near it. */
    private record AcceptRow(Assignment offer, Slot slot, Stay wanted, Optional<DoubleBooking.Held> held) {}

    /**
     * The assignment, locked as by {@link #lockFor(UUID, Caller)}, read in the same statement as the item and the
     * volunteer's other places: an answer in a rush costs its round trips, so it reads once what it decides by.
     */
    Mono<OfferToAnswer> lockToAnswer(UUID assignmentId, Caller caller) {
        String sql = "select " + A_FIELDS
                + ", i.visit_id, i.title, i.starts_at, i.ends_at, i.site_name, i.time_zone, i.site_id, i.site_lat,"
                + " i.site_lon, held.* from assignment a join programme_item i on i.item_id = a.item_id "
                + DoubleBooking.heldNear("a.volunteer_id", "a.id")
                + " where a.id = :id"
                + (caller.coordinator() ? "" : " and a.volunteer_id = (select id from volunteer where subject = :me)")
                + " for update of a";
        DatabaseClient.GenericExecuteSpec select = database.sql(sql).bind("id", assignmentId);
        if (!caller.coordinator()) {
            select = select.bind("me", caller.subject());
        }
        return select.map(row ->
                        new AcceptRow(assignment(row), slotOf(row), DoubleBooking.wanted(row), DoubleBooking.held(row)))
                .all()
                .collectList()
                .filter(rows -> !rows.isEmpty())
                .map(rows -> new OfferToAnswer(
                        rows.get(0).offer(),
                        rows.get(0).slot(),
                        rows.get(0).wanted(),
                        rows.stream().flatMap(r -> r.held().stream()).toList()))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Assignment", assignmentId)));
    }

    private Mono<Assignment> lock(UUID assignmentId, UUID owner) {
        String sql = "select " + FIELDS + " from assignment where id = :id"
                + (owner == null ? "" : " and volunteer_id = :owner") + " for update";
        DatabaseClient.GenericExecuteSpec select = database.sql(sql).bind("id", assignmentId);
        if (owner != null) {
            select = select.bind("owner", owner);
        }
        return select.map(Assignments::assignment)
                .one()
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Assignment", assignmentId)));
    }

    static Assignment allowed(Assignment assignment, AssignmentStatus next) {
        if (!assignment.status().mayBecome(next)) {
            throw ProblemException.conflict("Assignment is " + assignment.status(), ONLY.get(next));
        }
        return assignment;
    }

    /** Newest offers first. */
    Flux<Placement> placementsOf(UUID volunteerId) {
        return database.sql("select " + A_FIELDS
                        + ", i.visit_id, i.theme, i.site_name, i.title, i.starts_at, i.ends_at, i.time_zone"
                        + " from assignment a join programme_item i on i.item_id = a.item_id"
                        + " where a.volunteer_id = :me order by a.offered_at desc")
                .bind("me", volunteerId)
                .map(row -> new Placement(
                        assignment(row),
                        row.get("visit_id", UUID.class),
                        row.get("theme", String.class),
                        row.get("site_name", String.class),
                        row.get("title", String.class),
                        instant(row.get("starts_at", OffsetDateTime.class)),
                        instant(row.get("ends_at", OffsetDateTime.class)),
                        row.get("time_zone", String.class)))
                .all();
    }

    /** Every assignment of the item, whatever its status, with the names of whom it is for; in no order. */
    Flux<ItemAssignment> onItem(UUID itemId) {
        return database.sql("select " + A_FIELDS + ", v.name as volunteer_name, t.name as team_name"
                        + " from assignment a join volunteer v on v.id = a.volunteer_id"
                        + " left join team t on t.id = a.team_id where a.item_id = :item")
                .bind("item", itemId)
                .map(row -> {
                    String volunteer = row.get("volunteer_name", String.class);
                    String team = row.get("team_name", String.class);
                    return new ItemAssignment(
                            assignment(row), team == null ? volunteer : team, team == null ? null : volunteer);
                })
                .all();
    }

    /** Confirmed places on the visit's items, neither knowingly double-booked nor already asked to reconfirm. */
    Flux<Assignment> placesToRecheck(UUID visitId) {
        return database.sql("select " + A_FIELDS
                        + " from assignment a join programme_slot s on s.item_id = a.item_id"
                        + " where s.visit_id = :visit and s.removed_at is null and a.status = 'CONFIRMED'"
                        + " and a.conflict_override_reason is null and a.reconfirmation_requested_at is null")
                .bind("visit", visitId)
                .map(Assignments::assignment)
                .all();
    }

    public Mono<Slot> slot(UUID itemId) {
        return database.sql(
                        """
                        select visit_id, item_id, title, starts_at, ends_at, site_name, time_zone
                        from programme_item where item_id = :item
                        """)
                .bind("item", itemId)
                .map(Assignments::slotOf)
                .one();
    }

    private static Slot slotOf(Readable row) {
        return new Slot(
                row.get("visit_id", UUID.class),
                row.get("item_id", UUID.class),
                row.get("title", String.class),
                instant(row.get("starts_at", OffsetDateTime.class)),
                instant(row.get("ends_at", OffsetDateTime.class)),
                row.get("site_name", String.class),
                ZoneId.of(row.get("time_zone", String.class)));
    }

    /** A new offer; {@code override} is the coordinator's reason for knowingly double-booking. */
    Mono<Assignment> offer(
            UUID itemId,
            Offeree offeree,
            Instant at,
            Instant expiresAt,
            Optional<String> override,
            String coordinator) {
        DatabaseClient.GenericExecuteSpec insert = database.sql(
                        """
                        insert into assignment (item_id, role, volunteer_id, team_id, status, offered_at, offer_expires_at,
                          conflict_override_reason, conflict_overridden_by)
                        values (:item, :role, :volunteer, :team, 'OFFERED', :at, :expires, :override, :by)
                        returning """
                                + " " + FIELDS)
                .bind("item", itemId)
                .bind("role", offeree.role())
                .bind("volunteer", offeree.volunteerId())
                .bind("at", at)
                .bind("expires", expiresAt);
        insert = offeree.teamId() == null ? insert.bindNull("team", UUID.class) : insert.bind("team", offeree.teamId());
        insert = override.isEmpty()
                ? insert.bindNull("override", String.class).bindNull("by", String.class)
                : insert.bind("override", override.get()).bind("by", coordinator);
        return insert.map(Assignments::assignment).one();
    }

    private static final String CONFIRM_OR_WAITLIST =
            """
            with place as (%s returning 1)
            update assignment set status = case when p.taken then 'CONFIRMED' else 'WAITLISTED' end,
              answered_at = :at, waitlist_order = case when p.taken then null else nextval('waitlist_order') end,
              version = version + 1
            from (select exists (select from place) as taken) p
            where id = :id and status = :was
            returning %s
            """
                    .formatted(Headcount.TAKE_A_PLACE, FIELDS);

    /**
     * The offer is accepted: CONFIRMED with a place taken from the need's {@link Headcount} if one is free,
     * otherwise WAITLISTED behind everyone who answered before. One statement writes both tables, the
     * Headcount's guarded update (its SQL, not a copy) and the assignment's move, because an accept in a rush
     * costs its round trips; should the move fail (the offer no longer open), the caller's transaction rolls the
     * place back with it.
     */
    Mono<Assignment> confirmOrWaitlist(Assignment offer, Instant at) {
        allowed(offer, CONFIRMED);
        allowed(offer, WAITLISTED);
        return database.sql(CONFIRM_OR_WAITLIST)
                .bind("item", offer.itemId())
                .bind("role", offer.role())
                .bind("at", at)
                .bind("id", offer.id())
                .bind("was", offer.status().name())
                .map(Assignments::assignment)
                .one()
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "Assignment " + offer.id() + " is no longer " + offer.status() + "; lock it first")));
    }

    Mono<Assignment> decline(Assignment offer, Instant at) {
        return move(offer, DECLINED, ANSWERED, at);
    }

    /** Out of a place or out of the line; giving the place back to the headcount is the caller's. */
    Mono<Assignment> withdraw(Assignment assignment, Instant at) {
        return move(assignment, WITHDRAWN, ANSWERED, at);
    }

    public Mono<Assignment> checkIn(Assignment confirmed, Instant at) {
        return move(confirmed, CHECKED_IN, "checked_in_at = :at", at);
    }

    public Mono<Assignment> checkOut(Assignment checkedIn, Instant at) {
        return move(checkedIn, CHECKED_OUT, "checked_out_at = :at", at);
    }

    public Mono<Assignment> noShow(Assignment confirmed) {
        return move(confirmed, NO_SHOW, null, null);
    }

    Mono<Assignment> askToReconfirm(Assignment held, Instant at) {
        return database.sql("update assignment set reconfirmation_requested_at = :at, version = version + 1"
                        + " where id = :id returning " + FIELDS)
                .bind("at", at)
                .bind("id", held.id())
                .map(Assignments::assignment)
                .one();
    }

    Mono<Assignment> reconfirmed(Assignment held) {
        return database.sql("update assignment set reconfirmation_requested_at = null, version = version + 1"
                        + " where id = :id returning " + FIELDS)
                .bind("id", held.id())
                .map(Assignments::assignment)
                .one();
    }

    /**
     * The guard is checked twice on purpose: in Java, to refuse with the rule the caller broke, and in SQL on the
     * status read under the lock, so that a change made without {@link #lockFor} fails instead of skipping a step.
     */
    private Mono<Assignment> move(Assignment assignment, AssignmentStatus next, String set, Instant at) {
        allowed(assignment, next);
        DatabaseClient.GenericExecuteSpec update = database.sql("update assignment set status = :next"
                        + (set == null ? "" : ", " + set)
                        + ", version = version + 1 where id = :id and status = :was returning " + FIELDS)
                .bind("next", next.name())
                .bind("id", assignment.id())
                .bind("was", assignment.status().name());
        if (at != null) {
            update = update.bind("at", at);
        }
        return update.map(Assignments::assignment)
                .one()
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "Assignment " + assignment.id() + " is no longer " + assignment.status() + "; lock it first")));
    }

    private static final String EXPIRE_OVERDUE =
            """
            update assignment set status = 'EXPIRED', answered_at = :now, version = version + 1
            where id in (select id from assignment where status in %s and offer_expires_at <= :now
                         order by offer_expires_at limit :batch for update skip locked)
            returning %s
            """
                    .formatted(AssignmentStatus.sqlThatMayBecome(EXPIRED), FIELDS);

    /** Offers past their deadline, oldest first; replicas sweeping at once each take rows the others have not. */
    Flux<Assignment> expireOverdue(Instant now, int batch) {
        return database.sql(EXPIRE_OVERDUE)
                .bind("now", now)
                .bind("batch", batch)
                .map(Assignments::assignment)
                .all();
    }

    private static final String PROMOTE_FIRST_WAITING =
            """
            update assignment set status = 'OFFERED', offered_at = :now, offer_expires_at = :expires,
              waitlist_order = null, answered_at = null, version = version + 1
            where id = (select a.id from assignment a join staffing_need n on n.item_id = a.item_id
                          and n.role = a.role and n.confirmed < n.headcount and n.removed_at is null
                        where a.item_id = :item and a.role = :role and a.status in %s
                        order by a.waitlist_order limit 1 for update of a skip locked)
            returning %s
            """
                    .formatted(AssignmentStatus.sqlThatMayBecome(OFFERED), FIELDS);

    /** The first in line for the role gets an offer of their own, if a place is free; empty otherwise. */
    Mono<Assignment> promoteFirstWaiting(UUID itemId, String role, Instant now, Instant expiresAt) {
        return database.sql(PROMOTE_FIRST_WAITING)
                .bind("now", now)
                .bind("expires", expiresAt)
                .bind("item", itemId)
                .bind("role", role)
                .map(Assignments::assignment)
                .one();
    }

    private static final String END_FOR_VISIT =
            """
            update assignment set status = 'CANCELLED_BY_VISIT', answered_at = :at, version = version + 1
            where status in %s and item_id in (select item_id from programme_slot where visit_id = :visit)
            returning %s
            """
                    .formatted(AssignmentStatus.sqlThatMayBecome(CANCELLED_BY_VISIT), FIELDS);

    /** Every offer, place and place in line of the cancelled visit; those who came keep their record. */
    Flux<Assignment> endForVisit(UUID visitId, Instant at) {
        return database.sql(END_FOR_VISIT)
                .bind("at", at)
                .bind("visit", visitId)
                .map(Assignments::assignment)
                .all();
    }

    private static final String RELEASE_REMOVED =
            """
            update assignment a set status = 'RELEASED', answered_at = :at, version = a.version + 1
            from staffing_need n join programme_slot s on s.item_id = n.item_id
            where a.item_id = n.item_id and a.role = n.role and s.visit_id = :visit and a.status in %s
              and (n.removed_at is not null or s.removed_at is not null)
            returning %s
            """
                    .formatted(AssignmentStatus.sqlThatMayBecome(RELEASED), A_FIELDS);

    /** The people on items and roles that left the visit's programme. */
    Flux<Assignment> releaseRemovedFromProgramme(UUID visitId, Instant at) {
        return database.sql(RELEASE_REMOVED)
                .bind("at", at)
                .bind("visit", visitId)
                .map(Assignments::assignment)
                .all();
    }

    /** Appends the event about the assignment, with the item and visit it concerns, to the outbox. */
    public Mono<Assignment> publish(Assignment assignment, Function<AssignmentSnapshot, CaravanEvent> event) {
        return slot(assignment.itemId())
                .flatMap(slot -> publish(assignment, slot, event))
                .thenReturn(assignment);
    }

    /** As above, for a caller that has read the assignment's item already. */
    Mono<Assignment> publish(Assignment assignment, Slot slot, Function<AssignmentSnapshot, CaravanEvent> event) {
        return Mono.just(new AssignmentSnapshot(
                        assignment.id(),
                        slot.visitId(),
                        assignment.itemId(),
                        slot.title(),
                        slot.startsAt(),
                        slot.endsAt(),
                        slot.site(),
                        slot.zone().getId(),
                        assignment.role(),
                        assignment.volunteerId(),
                        assignment.teamId(),
                        assignment.status().name(),
                        assignment.offerExpiresAt()))
                .flatMap(snapshot -> outbox.append(event.apply(snapshot)))
                .thenReturn(assignment);
    }

    private static Assignment assignment(Readable row) {
        return new Assignment(
                row.get("id", UUID.class),
                row.get("item_id", UUID.class),
                row.get("role", String.class),
                row.get("volunteer_id", UUID.class),
                row.get("team_id", UUID.class),
                AssignmentStatus.valueOf(row.get("status", String.class)),
                instant(row.get("offered_at", OffsetDateTime.class)),
                instant(row.get("offer_expires_at", OffsetDateTime.class)),
                instant(row.get("answered_at", OffsetDateTime.class)),
                row.get("waitlist_order", Long.class),
                row.get("conflict_override_reason", String.class),
                instant(row.get("reconfirmation_requested_at", OffsetDateTime.class)),
                instant(row.get("checked_in_at", OffsetDateTime.class)),
                instant(row.get("checked_out_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
