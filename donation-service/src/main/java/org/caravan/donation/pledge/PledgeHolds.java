package org.caravan.donation.pledge;

import org.caravan.contracts.donation.DonationHeld;
import org.caravan.contracts.visit.VisitCancelled;
import org.caravan.contracts.visit.VisitEvent;
import org.caravan.donation.visit.PledgesFollowVisits;
import org.caravan.platform.messaging.IncomingEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A cancelled visit puts its undelivered pledges ON_HOLD, not lost: the goods wait in storage until a
 * coordinator moves them to another visit, and the liaison is told. A rescheduled visit needs nothing: pledges
 * follow the visit, whose new date the read model already holds.
 */
@Component
class PledgeHolds implements PledgesFollowVisits {

    private final PledgeStore store;
    private final Pledges pledges;

    PledgeHolds(PledgeStore store, Pledges pledges) {
        this.store = store;
        this.pledges = pledges;
    }

    @Override
    public Mono<Void> visitChanged(IncomingEvent<? extends VisitEvent> event) {
        if (!(event.payload() instanceof VisitCancelled cancelled)) {
            return Mono.empty();
        }
        String reason = "Visit cancelled: " + cancelled.reason();
        return store.holdAllFor(cancelled.visit().visitId())
                .concatMap(held -> pledges.recorded(
                        held,
                        cancelled.cancelledBy(),
                        HistoryAction.HELD,
                        reason,
                        p -> new DonationHeld(p, reason, cancelled.cancelledAt())))
                .then();
    }
}
