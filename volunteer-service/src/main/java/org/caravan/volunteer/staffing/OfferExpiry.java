package org.caravan.volunteer.staffing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.caravan.contracts.staffing.AssignmentOfferExpired;
import org.caravan.platform.scheduling.Sweeps;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Sweeps offers nobody answered in time while the service runs: each becomes EXPIRED, is published, and a free
 * place goes to the first person waiting. Replicas sweep side by side: each takes rows the others have not
 * locked, so an offer expires once.
 */
@Component
class OfferExpiry {

    private final Clock clock;

    private static final int BATCH = 200;

    private final Assignments assignments;
    private final Staffing staffing;
    private final TransactionalOperator transaction;
    private final Duration promotionValidFor;

    OfferExpiry(
            Assignments assignments,
            Staffing staffing,
            TransactionalOperator transaction,
            @Value("${caravan.staffing.promotion-offer-valid-for:48h}") Duration promotionValidFor,
            Clock clock) {
        this.clock = clock;
        this.assignments = assignments;
        this.staffing = staffing;
        this.transaction = transaction;
        this.promotionValidFor = promotionValidFor;
    }

    @Scheduled(
            fixedDelayString = "${caravan.staffing.offer-sweep-interval:30s}",
            initialDelayString = "${caravan.staffing.offer-sweep-interval:30s}")
    void sweep() {
        Sweeps.run("Offer expiry", sweepOnce());
    }

    Mono<Long> sweepOnce() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return assignments
                .expireOverdue(now, BATCH)
                .concatMap(offer -> assignments
                        .publish(offer, snapshot -> new AssignmentOfferExpired(snapshot, offer.offerExpiresAt()))
                        .then(staffing.promoteIfPlaceFree(offer.itemId(), offer.role(), promotionValidFor))
                        .thenReturn(offer))
                .count()
                .as(transaction::transactional);
    }
}
