package org.caravan.volunteer.staffing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.caravan.contracts.staffing.AssignmentConfirmed;
import org.caravan.contracts.staffing.AssignmentDeclined;
import org.caravan.contracts.staffing.AssignmentOffered;
import org.caravan.contracts.staffing.AssignmentPromoted;
import org.caravan.contracts.staffing.AssignmentWaitlisted;
import org.caravan.contracts.staffing.AssignmentWithdrawn;
import org.caravan.platform.web.ProblemException;
import org.caravan.volunteer.staffing.Assignments.Caller;
import org.caravan.volunteer.staffing.Assignments.Offeree;
import org.caravan.volunteer.volunteer.VolunteerRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Offers and answers. A role never has more people confirmed than its headcount: an accept confirms only with a
 * place taken from the {@link Headcount}, and the others join the waitlist in the order they answered. Offers do
 * not hold a place; whoever accepts first while one is free gets it.
 */
@Service
class Staffing {

    private final Clock clock;

    private final Assignments assignments;
    private final Headcount headcount;
    private final DoubleBooking doubleBooking;
    private final VolunteerRepository volunteers;

    Staffing(
            Assignments assignments,
            Headcount headcount,
            DoubleBooking doubleBooking,
            VolunteerRepository volunteers,
            Clock clock) {
        this.clock = clock;
        this.assignments = assignments;
        this.headcount = headcount;
        this.doubleBooking = doubleBooking;
        this.volunteers = volunteers;
    }

    /**
     * Offers the role. A clash with a place the volunteer already holds is refused with the clash explained,
     * unless the coordinator gives a reason to override it, which is kept with the assignment.
     */
    @Transactional
    public Mono<Assignment> offer(
            UUID itemId, Offeree offeree, Duration validFor, String overrideReason, String coordinator) {
        Instant now = now();
        return headcount
                .requireNeed(itemId, offeree.role())
                .then(volunteers.existsById(offeree.volunteerId()))
                .flatMap(known -> known
                        ? doubleBooking.of(offeree.volunteerId(), itemId, null)
                        : Mono.error(
                                ProblemException.invalidField("volunteerId", "no volunteer " + offeree.volunteerId())))
                .flatMap(conflict -> {
                    if (conflict.isPresent() && overrideReason == null) {
                        return Mono.error(doubleBooked(conflict.get(), true));
                    }
                    return assignments.offer(
                            itemId, offeree, now, now.plus(validFor), conflict.map(c -> overrideReason), coordinator);
                })
                .flatMap(offered -> assignments.publish(offered, snapshot -> new AssignmentOffered(snapshot, now)))
                .onErrorMap(
                        DuplicateKeyException.class,
                        e -> ProblemException.conflict(
                                "Already assigned", "This volunteer or team already has an offer or a place here"));
    }

    /** The volunteer takes the offer: a free place confirms it, otherwise it waits in line. */
    @Transactional
    public Mono<Assignment> accept(UUID assignmentId, String subject) {
        return acceptOffer(assignmentId, new Caller(subject, false));
    }

    @Transactional
    public Mono<Assignment> decline(UUID assignmentId, String subject) {
        return declineOffer(assignmentId, new Caller(subject, false));
    }

    /** An answer through a signed link in a message: the link stands for the volunteer it was sent to. */
    @Transactional
    public Mono<Assignment> answerByLink(UUID assignmentId, boolean accept) {
        Caller link = new Caller("answer-link", true);
        return accept ? acceptOffer(assignmentId, link) : declineOffer(assignmentId, link);
    }

    /**
     * Four statements between begin and commit, for the sign-up rush: the volunteer's answers serialised, the offer
     * locked with all that {@link #mayAccept} decides by, the place taken (or the line joined) with the offer's
     * move, and the event. An accept asks as for CONFIRMED: whether it ends up confirmed or waitlisted depends on
     * the headcount.
     */
    private Mono<Assignment> acceptOffer(UUID assignmentId, Caller caller) {
        Instant now = now();
        return doubleBooking
                .serialiseAnswersOf(assignmentId)
                .then(assignments.lockToAnswer(assignmentId, caller))
                .flatMap(locked -> {
                    Assignment offer = mayAccept(locked, clock.instant());
                    return assignments
                            .confirmOrWaitlist(offer, now)
                            .flatMap(a -> assignments.publish(
                                    a,
                                    locked.slot(),
                                    snapshot -> a.status() == AssignmentStatus.CONFIRMED
                                            ? new AssignmentConfirmed(snapshot, a.answeredAt())
                                            : new AssignmentWaitlisted(snapshot, a.answeredAt())));
                });
    }

    /**
     * The offer, if it may be accepted now: still open, not expired, and clashing with none of the volunteer's
     * places unless a coordinator overrode the clash when offering it. Refused (409) otherwise, in that order.
     */
    static Assignment mayAccept(Assignments.OfferToAnswer locked, Instant now) {
        Assignment offer = notExpired(Assignments.allowed(locked.offer(), AssignmentStatus.CONFIRMED), now);
        if (offer.conflictOverrideReason() == null) {
            DoubleBooking.firstClash(locked.wanted(), locked.heldNearby()).ifPresent(conflict -> {
                throw doubleBooked(conflict, false);
            });
        }
        return offer;
    }

    /** The offer locked with its item (which the event tells), declined, and the event: three statements. */
    private Mono<Assignment> declineOffer(UUID assignmentId, Caller caller) {
        return assignments.lockToAnswer(assignmentId, caller).flatMap(locked -> {
            Assignment offer =
                    notExpired(Assignments.allowed(locked.offer(), AssignmentStatus.DECLINED), clock.instant());
            return assignments
                    .decline(offer, now())
                    .flatMap(a -> assignments.publish(
                            a, locked.slot(), snapshot -> new AssignmentDeclined(snapshot, a.answeredAt())));
        });
    }

    /**
     * The volunteer can no longer come. A confirmed place is given back and offered to the first person on the
     * waitlist, with an offer of their own that expires like any other.
     */
    @Transactional
    public Mono<Assignment> withdraw(UUID assignmentId, String subject, String reason, Duration promotionValidFor) {
        Caller volunteer = new Caller(subject, false);
        return assignments
                .lockFor(assignmentId, volunteer, AssignmentStatus.WITHDRAWN)
                .flatMap(assignment -> {
                    boolean hadPlace = assignment.status() == AssignmentStatus.CONFIRMED;
                    return assignments
                            .withdraw(assignment, now())
                            .flatMap(withdrawn -> assignments.publish(
                                    withdrawn,
                                    snapshot -> new AssignmentWithdrawn(snapshot, reason, withdrawn.answeredAt())))
                            .flatMap(withdrawn -> hadPlace
                                    ? headcount
                                            .giveBack(withdrawn)
                                            .then(promoteIfPlaceFree(
                                                    withdrawn.itemId(), withdrawn.role(), promotionValidFor))
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
                            : assignments.reconfirmed(assignment));
        });
    }

    /** The first person waiting is offered a place, if one is free; nothing happens otherwise. */
    Mono<Void> promoteIfPlaceFree(UUID itemId, String role, Duration validFor) {
        Instant now = now();
        return assignments
                .promoteFirstWaiting(itemId, role, now, now.plus(validFor))
                .flatMap(promoted -> assignments.publish(promoted, snapshot -> new AssignmentPromoted(snapshot, now)))
                .then();
    }

    /** Newest offers first. */
    public Flux<Assignments.Placement> mine(String subject) {
        return volunteers.findBySubject(subject).flatMapMany(me -> assignments.placementsOf(me.id()));
    }

    /**
     * Everyone on the item, for a coordinator, in {@link ItemAssignmentOrder}; an item the service never heard of
     * (from event-service's visit events) is not found.
     */
    public Mono<List<Assignments.ItemAssignment>> onItem(UUID itemId) {
        return assignments
                .slot(itemId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Programme item", itemId)))
                .flatMap(slot -> assignments.onItem(itemId).collectList())
                .map(all -> ItemAssignmentOrder.sorted(all, Assignments.ItemAssignment::assignment));
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

    private static Assignment notExpired(Assignment offer, Instant now) {
        if (offer.offerExpiresAt().isBefore(now)) {
            throw ProblemException.conflict("Offer expired", "The offer expired at " + offer.offerExpiresAt());
        }
        return offer;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
