package org.caravan.donation.pledge;

import java.util.UUID;
import org.caravan.contracts.donation.DonationHeld;
import org.caravan.contracts.visit.VisitCancelled;
import org.caravan.contracts.visit.VisitEvent;
import org.caravan.donation.visit.PledgesFollowVisits;
import org.caravan.platform.messaging.IncomingEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A cancelled visit puts its undelivered pledges ON_HOLD, not lost: the goods wait in storage until a
 * coordinator moves them to another visit, and the liaison is told. A rescheduled visit needs nothing: pledges
 * follow the visit, whose new date the read model already holds.
 */
@Component
class PledgeHolds implements PledgesFollowVisits {

    private final DatabaseClient database;
    private final PledgeRecords records;
    private final Pledges pledges;

    PledgeHolds(DatabaseClient database, PledgeRecords records, Pledges pledges) {
        this.database = database;
        this.records = records;
        this.pledges = pledges;
    }

    @Override
    public Mono<Void> visitChanged(IncomingEvent<? extends VisitEvent> event) {
        if (!(event.payload() instanceof VisitCancelled cancelled)) {
            return Mono.empty();
        }
        String reason = "Visit cancelled: " + cancelled.reason();
        return database.sql("update pledge set status = 'ON_HOLD', version = version + 1 where visit_id = :visit"
                        + " and status not in ('DELIVERED', 'CANCELLED', 'ON_HOLD') returning id")
                .bind("visit", cancelled.visit().visitId())
                .map(row -> row.get("id", UUID.class))
                .all()
                .concatMap(pledgeId -> pledges.history(pledgeId, cancelled.cancelledBy(), "HELD", reason)
                        .then(records.snapshot(pledgeId))
                        .flatMap(held ->
                                pledges.publish(held, p -> new DonationHeld(p, reason, cancelled.cancelledAt()))))
                .then();
    }
}
