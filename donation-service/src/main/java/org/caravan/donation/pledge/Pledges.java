package org.caravan.donation.pledge;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.caravan.contracts.CaravanEvent;
import org.caravan.contracts.donation.DonationCancelled;
import org.caravan.contracts.donation.DonationDelivered;
import org.caravan.contracts.donation.DonationDispatched;
import org.caravan.contracts.donation.DonationMoved;
import org.caravan.contracts.donation.DonationPledged;
import org.caravan.contracts.donation.DonationReceived;
import org.caravan.contracts.donation.ItemQuantity;
import org.caravan.contracts.donation.PledgeSnapshot;
import org.caravan.donation.donor.Caller;
import org.caravan.donation.donor.Donors;
import org.caravan.donation.visit.VisitPlans;
import org.caravan.platform.outbox.Outbox;
import org.caravan.platform.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * A pledge from promise to hand-over, one transaction a step: who may take it, the change in {@link PledgeStore}
 * (which refuses what {@link PledgeRules} do not allow, changing nothing), a line of {@link PledgeHistory}, and
 * the event in the outbox.
 */
@Service
public class Pledges {

    private final PledgeStore store;
    private final PledgeHistory history;
    private final Deliveries deliveries;
    private final Donors donors;
    private final VisitPlans visits;
    private final Outbox outbox;
    private final Clock clock;

    Pledges(
            PledgeStore store,
            PledgeHistory history,
            Deliveries deliveries,
            Donors donors,
            VisitPlans visits,
            Outbox outbox,
            Clock clock) {
        this.store = store;
        this.history = history;
        this.deliveries = deliveries;
        this.donors = donors;
        this.visits = visits;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One line of a new pledge; {@code valueMinor} and {@code currency} are the whole line's estimated value. */
    public record NewLine(
            String kind, String description, long quantity, String unit, Long valueMinor, String currency) {}

    @Transactional
    public Mono<PledgeSnapshot> pledge(
            UUID donorId,
            UUID visitId,
            UUID siteId,
            List<NewLine> lines,
            String note,
            Caller caller,
            UUID programmeId) {
        Instant now = now();
        return donors.require(donorId, caller)
                .then(placeOf(visitId, siteId))
                .flatMap(site -> store.create(donorId, visitId, site, note, programmeId, lines))
                .flatMap(pledge -> recorded(
                        pledge,
                        caller.subject(),
                        HistoryAction.PLEDGED,
                        note,
                        p -> new DonationPledged(p, note, caller.subject(), now)));
    }

    @Transactional
    public Mono<PledgeSnapshot> receive(
            UUID pledgeId, List<ItemQuantity> quantities, String overDeliveryReason, Caller caller) {
        Instant now = now();
        return store.lockFor(pledgeId, caller)
                .flatMap(pledge -> store.receive(pledge, quantities, overDeliveryReason))
                .flatMap(pledge -> recorded(
                        pledge,
                        caller.subject(),
                        HistoryAction.RECEIVED,
                        PledgeHistory.moved(quantities, overDeliveryReason),
                        p -> new DonationReceived(p, quantities, overDeliveryReason, caller.subject(), now)));
    }

    @Transactional
    public Mono<PledgeSnapshot> dispatch(UUID pledgeId, List<ItemQuantity> quantities, Caller caller) {
        Instant now = now();
        return store.lockFor(pledgeId, caller)
                .flatMap(pledge -> store.dispatch(pledge, quantities))
                .flatMap(pledge -> recorded(
                        pledge,
                        caller.subject(),
                        HistoryAction.DISPATCHED,
                        PledgeHistory.moved(quantities, null),
                        p -> new DonationDispatched(p, quantities, caller.subject(), now)));
    }

    /** Handed over at the site: the quantities move and the site's signature is kept as a receipt. */
    @Transactional
    public Mono<PledgeSnapshot> deliver(
            UUID pledgeId,
            List<ItemQuantity> quantities,
            String receivedByName,
            String receivedByRole,
            String signatureRef,
            Caller caller) {
        Instant now = now();
        return store.lockFor(pledgeId, caller)
                .flatMap(pledge -> store.deliver(pledge, quantities))
                .flatMap(pledge -> deliveries
                        .record(
                                pledgeId,
                                now,
                                receivedByName,
                                receivedByRole,
                                signatureRef,
                                caller.subject(),
                                quantities)
                        .flatMap(receipt -> recorded(
                                pledge,
                                caller.subject(),
                                HistoryAction.DELIVERED,
                                PledgeHistory.moved(quantities, null) + "; received by " + receivedByName + " ("
                                        + receivedByRole + ")",
                                p -> new DonationDelivered(p, receipt, caller.subject()))));
    }

    @Transactional
    public Mono<PledgeSnapshot> cancel(UUID pledgeId, String reason, Caller caller) {
        Instant now = now();
        return store.lockFor(pledgeId, caller)
                .flatMap(store::cancel)
                .flatMap(pledge -> recorded(
                        pledge,
                        caller.subject(),
                        HistoryAction.CANCELLED,
                        reason,
                        p -> new DonationCancelled(p, reason, caller.subject(), now)));
    }

    /** Attaches the pledge to another published visit, e.g. after its own was cancelled; it leaves ON_HOLD. */
    @Transactional
    public Mono<PledgeSnapshot> move(UUID pledgeId, UUID visitId, Caller caller) {
        Instant now = now();
        return store.lockFor(pledgeId, caller).flatMap(pledge -> {
            PledgeRules.afterMove(pledge, visitId);
            return openVisit(visitId)
                    .flatMap(visit -> store.moveTo(pledge, visitId, visit.siteId()))
                    .flatMap(moved -> recorded(
                            moved,
                            caller.subject(),
                            HistoryAction.MOVED,
                            "from visit " + pledge.visitId() + " to " + visitId,
                            p -> new DonationMoved(p, pledge.visitId(), caller.subject(), now)));
        });
    }

    /** Keeps the step in the pledge's history and tells it, in the caller's transaction. */
    Mono<PledgeSnapshot> recorded(
            PledgeSnapshot pledge,
            String actor,
            HistoryAction action,
            String detail,
            Function<PledgeSnapshot, CaravanEvent> event) {
        return history.record(pledge.pledgeId(), actor, action, detail)
                .then(outbox.append(event.apply(pledge)))
                .thenReturn(pledge);
    }

    private Mono<UUID> placeOf(UUID visitId, UUID siteId) {
        if (visitId != null) {
            if (siteId != null) {
                throw ProblemException.invalidField("siteId", "give a visitId or a siteId, not both");
            }
            return openVisit(visitId).map(VisitPlans.PlannedVisit::siteId);
        }
        if (siteId == null) {
            throw ProblemException.invalidField("visitId", "a pledge is for a visit, or for a site (siteId)");
        }
        return visits.requireSite(siteId, "siteId");
    }

    private Mono<VisitPlans.PlannedVisit> openVisit(UUID visitId) {
        return visits.require(visitId, "visitId").map(visit -> {
            if (!visit.open()) {
                throw ProblemException.conflict(
                        "Visit is " + visit.status(),
                        "Donations go to a scheduled visit, not a "
                                + visit.status().toLowerCase() + " one");
            }
            return visit;
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
