package org.caravan.volunteer.staffing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Function;
import org.caravan.contracts.CaravanEvent;
import org.caravan.contracts.staffing.AssignmentConfirmed;
import org.caravan.contracts.staffing.AssignmentDeclined;
import org.caravan.contracts.staffing.AssignmentOffered;
import org.caravan.contracts.staffing.AssignmentSnapshot;
import org.caravan.contracts.staffing.AssignmentWaitlisted;
import org.caravan.contracts.staffing.AssignmentWithdrawn;
import org.caravan.platform.outbox.Outbox;
import org.caravan.platform.web.ProblemException;
import org.caravan.volunteer.volunteer.Volunteer;
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
 * the same instant exactly the free places succeed and the others join the waitlist in order.
 */
@Service
class Staffing {

    private static final String COLUMNS =
            "id, item_id, role, volunteer_id, status, offered_at, offer_expires_at, answered_at, waitlist_order";

    private final DatabaseClient database;
    private final VolunteerRepository volunteers;
    private final Outbox outbox;

    Staffing(DatabaseClient database, VolunteerRepository volunteers, Outbox outbox) {
        this.database = database;
        this.volunteers = volunteers;
        this.outbox = outbox;
    }

    @Transactional
    public Mono<Assignment> offer(UUID itemId, String role, UUID volunteerId, Duration validFor) {
        Instant now = now();
        return needExists(itemId, role)
                .then(volunteers.existsById(volunteerId))
                .flatMap(known -> known
                        ? Mono.empty()
                        : Mono.error(ProblemException.invalidField("volunteerId", "no volunteer " + volunteerId)))
                .then(database.sql(
                                "insert into assignment (item_id, role, volunteer_id, status, offered_at, offer_expires_at)"
                                        + " values (:item, :role, :volunteer, 'OFFERED', :now, :expires) returning "
                                        + COLUMNS)
                        .bind("item", itemId)
                        .bind("role", role)
                        .bind("volunteer", volunteerId)
                        .bind("now", now)
                        .bind("expires", now.plus(validFor))
                        .map(Assignment::from)
                        .one())
                .flatMap(offered -> publish(offered, snapshot -> new AssignmentOffered(snapshot, now)))
                .onErrorMap(
                        DuplicateKeyException.class,
                        e -> ProblemException.conflict(
                                "Already assigned", "This volunteer already has an offer or a place in this role"));
    }

    /** The volunteer takes the offer: a free place confirms it, otherwise it waits in line. */
    @Transactional
    public Mono<Assignment> accept(UUID assignmentId, String subject) {
        return ownOffer(assignmentId, subject).flatMap(offer -> takePlace(offer)
                .flatMap(confirmed -> confirmed
                        ? answer(offer, AssignmentStatus.CONFIRMED, false)
                                .flatMap(a -> publish(a, snapshot -> new AssignmentConfirmed(snapshot, a.answeredAt())))
                        : answer(offer, AssignmentStatus.WAITLISTED, true)
                                .flatMap(a ->
                                        publish(a, snapshot -> new AssignmentWaitlisted(snapshot, a.answeredAt())))));
    }

    @Transactional
    public Mono<Assignment> decline(UUID assignmentId, String subject) {
        return ownOffer(assignmentId, subject)
                .flatMap(offer -> answer(offer, AssignmentStatus.DECLINED, false))
                .flatMap(a -> publish(a, snapshot -> new AssignmentDeclined(snapshot, a.answeredAt())));
    }

    /**
     * The volunteer can no longer come. A confirmed place is given back and offered to the first person on the
     * waitlist, with an offer of their own that expires like any other.
     */
    @Transactional
    public Mono<Assignment> withdraw(UUID assignmentId, String subject, String reason, Duration promotionValidFor) {
        return ownAssignment(assignmentId, subject).flatMap(assignment -> {
            if (assignment.status() != AssignmentStatus.CONFIRMED
                    && assignment.status() != AssignmentStatus.WAITLISTED) {
                throw ProblemException.conflict(
                        "Assignment is " + assignment.status(),
                        "Only a confirmed or waitlisted assignment can be withdrawn; an offer is declined");
            }
            boolean hadPlace = assignment.status() == AssignmentStatus.CONFIRMED;
            return answer(assignment, AssignmentStatus.WITHDRAWN, false)
                    .flatMap(withdrawn -> publish(
                            withdrawn, snapshot -> new AssignmentWithdrawn(snapshot, reason, withdrawn.answeredAt())))
                    .flatMap(withdrawn -> hadPlace
                            ? releasePlace(withdrawn)
                                    .then(promoteFirstWaiting(withdrawn, promotionValidFor))
                                    .thenReturn(withdrawn)
                            : Mono.just(withdrawn));
        });
    }

    private Mono<Void> releasePlace(Assignment assignment) {
        return database.sql("update staffing_need set confirmed = confirmed - 1 where item_id = :item and role = :role")
                .bind("item", assignment.itemId())
                .bind("role", assignment.role())
                .then();
    }

    private Mono<Assignment> promoteFirstWaiting(Assignment freed, Duration validFor) {
        Instant now = now();
        return database.sql(
                        """
                        update assignment set status = 'OFFERED', offered_at = :now, offer_expires_at = :expires,
                          waitlist_order = null, answered_at = null, version = version + 1
                        where id = (select id from assignment where item_id = :item and role = :role
                                    and status = 'WAITLISTED' order by waitlist_order limit 1 for update)
                        returning """
                                + " " + COLUMNS)
                .bind("now", now)
                .bind("expires", now.plus(validFor))
                .bind("item", freed.itemId())
                .bind("role", freed.role())
                .map(Assignment::from)
                .one()
                .flatMap(promoted -> publish(promoted, snapshot -> new AssignmentOffered(snapshot, now)));
    }

    /**
     * The visit was cancelled: every live assignment of it ends, places are given back, and each volunteer is
     * told why. Runs inside the consumer's transaction, with the read model's update.
     */
    public Mono<Void> cancelledWithVisit(UUID visitId, String reason, Instant at) {
        return database.sql(
                        "update assignment set status = 'CANCELLED_BY_VISIT', answered_at = :at, version = version + 1"
                                + " where status in ('OFFERED', 'CONFIRMED', 'WAITLISTED')"
                                + " and item_id in (select item_id from programme_slot where visit_id = :visit) returning "
                                + COLUMNS)
                .bind("at", at)
                .bind("visit", visitId)
                .map(Assignment::from)
                .all()
                .concatMap(ended ->
                        publish(ended, snapshot -> new AssignmentWithdrawn(snapshot, "Visit cancelled: " + reason, at)))
                .then(database.sql("update staffing_need set confirmed = 0"
                                + " where item_id in (select item_id from programme_slot where visit_id = :visit)")
                        .bind("visit", visitId)
                        .then());
    }

    /** People on items or roles that left the programme are released and told so. */
    public Mono<Void> releaseRemovedFromProgramme(UUID visitId) {
        Instant now = now();
        return database.sql(
                        """
                        update assignment a set status = 'RELEASED', answered_at = :now, version = a.version + 1
                        from staffing_need n join programme_slot s on s.item_id = n.item_id
                        where a.item_id = n.item_id and a.role = n.role and s.visit_id = :visit
                          and a.status in ('OFFERED', 'CONFIRMED', 'WAITLISTED')
                          and (n.removed_at is not null or s.removed_at is not null)
                        returning a.id, a.item_id, a.role, a.volunteer_id, a.status, a.offered_at, a.offer_expires_at,
                          a.answered_at, a.waitlist_order
                        """)
                .bind("now", now)
                .bind("visit", visitId)
                .map(Assignment::from)
                .all()
                .concatMap(released -> publish(
                        released,
                        snapshot -> new AssignmentWithdrawn(snapshot, "Removed from the visit's programme", now)))
                .then();
    }

    public Flux<Assignment> mine(String subject) {
        return volunteers.findBySubject(subject).flatMapMany(me -> database.sql(
                        "select " + COLUMNS + " from assignment where volunteer_id = :me order by offered_at desc")
                .bind("me", me.id())
                .map(Assignment::from)
                .all());
    }

    /** Appends the event about the assignment, with the item and visit it concerns, to the outbox. */
    private Mono<Assignment> publish(Assignment assignment, Function<AssignmentSnapshot, CaravanEvent> event) {
        return database.sql(
                        """
                        select p.visit_id, p.title, p.starts_at, v.time_zone from programme_slot p
                        join visit_plan v on v.visit_id = p.visit_id where p.item_id = :item
                        """)
                .bind("item", assignment.itemId())
                .map(row -> new AssignmentSnapshot(
                        assignment.id(),
                        row.get("visit_id", UUID.class),
                        assignment.itemId(),
                        row.get("title", String.class),
                        row.get("starts_at", java.time.OffsetDateTime.class).toInstant(),
                        row.get("time_zone", String.class),
                        assignment.role(),
                        assignment.volunteerId(),
                        assignment.status().name(),
                        assignment.offerExpiresAt()))
                .one()
                .flatMap(snapshot -> outbox.append(event.apply(snapshot)))
                .thenReturn(assignment);
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
        return database.sql("update assignment set status = :status, answered_at = :now, waitlist_order = " + order
                        + ", version = version + 1 where id = :id returning " + COLUMNS)
                .bind("status", status.name())
                .bind("now", now())
                .bind("id", offer.id())
                .map(Assignment::from)
                .one();
    }

    /**
     * The caller's own open offer, locked for the answer. Someone else's assignment is "not found", so that
     * ids cannot be probed.
     */
    private Mono<Assignment> ownOffer(UUID assignmentId, String subject) {
        return ownAssignment(assignmentId, subject).map(assignment -> {
            if (assignment.status() != AssignmentStatus.OFFERED) {
                throw ProblemException.conflict(
                        "Assignment is " + assignment.status(), "Only an open offer can be answered");
            }
            if (assignment.offerExpiresAt().isBefore(Instant.now())) {
                throw ProblemException.conflict("Offer expired", "The offer expired at " + assignment.offerExpiresAt());
            }
            return assignment;
        });
    }

    /** The caller's own assignment, locked for the change; someone else's is "not found", so ids cannot be probed. */
    private Mono<Assignment> ownAssignment(UUID assignmentId, String subject) {
        return volunteers
                .findBySubject(subject)
                .map(Volunteer::id)
                .flatMap(me -> database.sql("select " + COLUMNS
                                + " from assignment where id = :id and volunteer_id = :me for update")
                        .bind("id", assignmentId)
                        .bind("me", me)
                        .map(Assignment::from)
                        .one())
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Assignment", assignmentId)));
    }

    private Mono<Void> needExists(UUID itemId, String role) {
        return database.sql("select 1 from staffing_need where item_id = :item and role = :role")
                .bind("item", itemId)
                .bind("role", role)
                .map(row -> 1)
                .one()
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Staffing need", itemId + "/" + role)))
                .then();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
