package org.caravan.volunteer.staffing;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.caravan.contracts.staffing.AssignmentConfirmed;
import org.caravan.contracts.staffing.AssignmentDeclined;
import org.caravan.contracts.staffing.AssignmentOffered;
import org.caravan.contracts.staffing.AssignmentWaitlisted;
import org.caravan.contracts.staffing.AssignmentWithdrawn;
import org.caravan.platform.web.ProblemException;
import org.caravan.volunteer.staffing.Assignments.Caller;
import org.caravan.volunteer.volunteer.VolunteerRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Offers and answers. A role never has more people confirmed than its headcount: confirming takes a place with
 * one guarded update of the need's counter, which PostgreSQL serialises per need, so of a hundred accepts at
 * the same instant exactly the free places succeed and the others join the waitlist in order. Offers do not
 * hold a place; whoever accepts first while one is free gets it.
 */
@Service
class Staffing {

    private final Clock clock;

    private final DatabaseClient database;
    private final Assignments assignments;
    private final DoubleBooking doubleBooking;
    private final VolunteerRepository volunteers;

    Staffing(
            DatabaseClient database,
            Assignments assignments,
            DoubleBooking doubleBooking,
            VolunteerRepository volunteers,
            Clock clock) {
        this.clock = clock;
        this.database = database;
        this.assignments = assignments;
        this.doubleBooking = doubleBooking;
        this.volunteers = volunteers;
    }

    /** Who an offer is for: a volunteer in a role, or a team (answered by its lead) in a team slot. */
    record Offeree(String role, UUID volunteerId, UUID teamId) {}

    /**
     * Offers the role. A clash with a place the volunteer already holds is refused with the clash explained,
     * unless the coordinator gives a reason to override it, which is kept with the assignment.
     */
    @Transactional
    public Mono<Assignment> offer(
            UUID itemId, Offeree offeree, Duration validFor, String overrideReason, String coordinator) {
        Instant now = now();
        return needExists(itemId, offeree.role())
                .then(volunteers.existsById(offeree.volunteerId()))
                .flatMap(known -> known
                        ? doubleBooking.of(offeree.volunteerId(), itemId, null)
                        : Mono.error(
                                ProblemException.invalidField("volunteerId", "no volunteer " + offeree.volunteerId())))
                .flatMap(conflict -> {
                    if (conflict.isPresent() && overrideReason == null) {
                        return Mono.error(doubleBooked(conflict.get(), true));
                    }
                    return insertOffer(itemId, offeree, now, validFor, conflict.map(c -> overrideReason), coordinator);
                })
                .flatMap(offered -> assignments.publish(offered, snapshot -> new AssignmentOffered(snapshot, now)))
                .onErrorMap(
                        DuplicateKeyException.class,
                        e -> ProblemException.conflict(
                                "Already assigned", "This volunteer or team already has an offer or a place here"));
    }

    private Mono<Assignment> insertOffer(
            UUID itemId,
            Offeree offeree,
            Instant now,
            Duration validFor,
            Optional<String> override,
            String coordinator) {
        DatabaseClient.GenericExecuteSpec insert = database.sql(
                        """
                        insert into assignment (item_id, role, volunteer_id, team_id, status, offered_at, offer_expires_at,
                          conflict_override_reason, conflict_overridden_by)
                        values (:item, :role, :volunteer, :team, 'OFFERED', :now, :expires, :override, :by)
                        returning """
                                + " " + Assignment.COLUMNS)
                .bind("item", itemId)
                .bind("role", offeree.role())
                .bind("volunteer", offeree.volunteerId())
                .bind("now", now)
                .bind("expires", now.plus(validFor));
        insert = offeree.teamId() == null ? insert.bindNull("team", UUID.class) : insert.bind("team", offeree.teamId());
        insert = override.isEmpty()
                ? insert.bindNull("override", String.class).bindNull("by", String.class)
                : insert.bind("override", override.get()).bind("by", coordinator);
        return insert.map(Assignment::from).one();
    }

    /** The volunteer takes the offer: a free place confirms it, otherwise it waits in line. */
    @Transactional
    public Mono<Assignment> accept(UUID assignmentId, String subject) {
        return openOffer(assignmentId, new Caller(subject, false)).flatMap(this::acceptOffer);
    }

    @Transactional
    public Mono<Assignment> decline(UUID assignmentId, String subject) {
        return openOffer(assignmentId, new Caller(subject, false)).flatMap(this::declineOffer);
    }

    /** An answer through a signed link in a message: the link stands for the volunteer it was sent to. */
    @Transactional
    public Mono<Assignment> answerByLink(UUID assignmentId, boolean accept) {
        return openOffer(assignmentId, new Caller("answer-link", true))
                .flatMap(offer -> accept ? acceptOffer(offer) : declineOffer(offer));
    }

    private Mono<Assignment> acceptOffer(Assignment offer) {
        return mayHoldPlace(offer)
                .then(takePlace(offer))
                .flatMap(confirmed -> confirmed
                        ? answer(offer, AssignmentStatus.CONFIRMED, false)
                                .flatMap(a -> assignments.publish(
                                        a, snapshot -> new AssignmentConfirmed(snapshot, a.answeredAt())))
                        : answer(offer, AssignmentStatus.WAITLISTED, true)
                                .flatMap(a -> assignments.publish(
                                        a, snapshot -> new AssignmentWaitlisted(snapshot, a.answeredAt()))));
    }

    private Mono<Assignment> declineOffer(Assignment offer) {
        return answer(offer, AssignmentStatus.DECLINED, false)
                .flatMap(a -> assignments.publish(a, snapshot -> new AssignmentDeclined(snapshot, a.answeredAt())));
    }

    /**
     * The volunteer can no longer come. A confirmed place is given back and offered to the first person on the
     * waitlist, with an offer of their own that expires like any other.
     */
    @Transactional
    public Mono<Assignment> withdraw(UUID assignmentId, String subject, String reason, Duration promotionValidFor) {
        return assignments.lockFor(assignmentId, new Caller(subject, false)).flatMap(assignment -> {
            if (assignment.status() != AssignmentStatus.CONFIRMED
                    && assignment.status() != AssignmentStatus.WAITLISTED) {
                throw ProblemException.conflict(
                        "Assignment is " + assignment.status(),
                        "Only a confirmed or waitlisted assignment can be withdrawn; an offer is declined");
            }
            boolean hadPlace = assignment.status() == AssignmentStatus.CONFIRMED;
            return answer(assignment, AssignmentStatus.WITHDRAWN, false)
                    .flatMap(withdrawn -> assignments.publish(
                            withdrawn, snapshot -> new AssignmentWithdrawn(snapshot, reason, withdrawn.answeredAt())))
                    .flatMap(withdrawn -> hadPlace
                            ? releasePlace(withdrawn)
                                    .then(promoteIfPlaceFree(withdrawn.itemId(), withdrawn.role(), promotionValidFor))
                                    .thenReturn(withdrawn)
                            : Mono.just(withdrawn));
        });
    }

    /** After a reschedule asked for it: the volunteer keeps the place, once it no longer clashes with another. */
    @Transactional
    public Mono<Assignment> reconfirm(UUID assignmentId, String subject) {
        return assignments.lockFor(assignmentId, new Caller(subject, false)).flatMap(assignment -> {
            if (assignment.reconfirmationRequestedAt() == null) {
                throw ProblemException.conflict("Nothing to reconfirm", "This assignment was not asked to reconfirm");
            }
            return doubleBooking
                    .of(assignment.volunteerId(), assignment.itemId(), assignment.id())
                    .flatMap(conflict -> conflict.isPresent()
                            ? Mono.error(doubleBooked(conflict.get(), false))
                            : assignments.change(assignment.id(), "reconfirmation_requested_at = null", Map.of()));
        });
    }

    /** The first person waiting is offered a place, if one is free; nothing happens otherwise. */
    Mono<Void> promoteIfPlaceFree(UUID itemId, String role, Duration validFor) {
        Instant now = now();
        return database.sql(
                        """
                        update assignment set status = 'OFFERED', offered_at = :now, offer_expires_at = :expires,
                          waitlist_order = null, answered_at = null, version = version + 1
                        where id = (select a.id from assignment a join staffing_need n on n.item_id = a.item_id
                                      and n.role = a.role and n.confirmed < n.headcount and n.removed_at is null
                                    where a.item_id = :item and a.role = :role and a.status = 'WAITLISTED'
                                    order by a.waitlist_order limit 1 for update of a skip locked)
                        returning """
                                + " " + Assignment.COLUMNS)
                .bind("now", now)
                .bind("expires", now.plus(validFor))
                .bind("item", itemId)
                .bind("role", role)
                .map(Assignment::from)
                .one()
                .flatMap(promoted -> assignments.publish(promoted, snapshot -> new AssignmentOffered(snapshot, now)))
                .then();
    }

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

    /** Newest offers first. */
    public Flux<Placement> mine(String subject) {
        return volunteers.findBySubject(subject).flatMapMany(me -> database.sql("select "
                        + Assignment.columns("a.")
                        + ", v.visit_id, v.theme, v.site_name, s.title, s.starts_at, s.ends_at, v.time_zone"
                        + " from assignment a join programme_slot s on s.item_id = a.item_id"
                        + " join visit_plan v on v.visit_id = s.visit_id"
                        + " where a.volunteer_id = :me order by a.offered_at desc")
                .bind("me", me.id())
                .map(row -> new Placement(
                        Assignment.from(row),
                        row.get("visit_id", UUID.class),
                        row.get("theme", String.class),
                        row.get("site_name", String.class),
                        row.get("title", String.class),
                        row.get("starts_at", java.time.OffsetDateTime.class).toInstant(),
                        row.get("ends_at", java.time.OffsetDateTime.class).toInstant(),
                        row.get("time_zone", String.class)))
                .all());
    }

    private Mono<Void> mayHoldPlace(Assignment offer) {
        if (offer.conflictOverrideReason() != null) {
            return Mono.empty();
        }
        return doubleBooking
                .of(offer.volunteerId(), offer.itemId(), offer.id())
                .flatMap(conflict ->
                        conflict.isPresent() ? Mono.error(doubleBooked(conflict.get(), false)) : Mono.empty());
    }

    private static ProblemException doubleBooked(DoubleBooking.Conflict conflict, boolean overridable) {
        return ProblemException.conflict(
                        "Double booking",
                        conflict.describe()
                                + (overridable
                                        ? ". A coordinator may override with overrideReason."
                                        : ". Withdraw one of them first."))
                .with("conflict", conflict.asProblemMember());
    }

    private Mono<Void> releasePlace(Assignment assignment) {
        return database.sql("update staffing_need set confirmed = confirmed - 1 where item_id = :item and role = :role")
                .bind("item", assignment.itemId())
                .bind("role", assignment.role())
                .then();
    }

    private Mono<Boolean> takePlace(Assignment offer) {
        return database.sql("update staffing_need set confirmed = confirmed + 1"
                        + " where item_id = :item and role = :role and confirmed < headcount")
                .bind("item", offer.itemId())
                .bind("role", offer.role())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    private Mono<Assignment> answer(Assignment offer, AssignmentStatus status, boolean waitlisted) {
        String order = waitlisted ? "nextval('waitlist_order')" : "null";
        return assignments.change(
                offer.id(),
                "status = :status, answered_at = :now, waitlist_order = " + order,
                Map.of("status", status.name(), "now", now()));
    }

    /** The caller's own open offer (or their team's, for its lead), locked for the answer. */
    private Mono<Assignment> openOffer(UUID assignmentId, Caller caller) {
        return assignments.lockFor(assignmentId, caller).map(assignment -> {
            if (assignment.status() != AssignmentStatus.OFFERED) {
                throw ProblemException.conflict(
                        "Assignment is " + assignment.status(), "Only an open offer can be answered");
            }
            if (assignment.offerExpiresAt().isBefore(clock.instant())) {
                throw ProblemException.conflict("Offer expired", "The offer expired at " + assignment.offerExpiresAt());
            }
            return assignment;
        });
    }

    private Mono<Void> needExists(UUID itemId, String role) {
        return database.sql("select 1 from staffing_need where item_id = :item and role = :role and removed_at is null")
                .bind("item", itemId)
                .bind("role", role)
                .map(row -> 1)
                .one()
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Staffing need", itemId + "/" + role)))
                .then();
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
