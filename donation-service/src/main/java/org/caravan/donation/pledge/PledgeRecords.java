package org.caravan.donation.pledge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.caravan.contracts.donation.PledgeSnapshot;
import org.caravan.contracts.donation.Receipt;
import org.caravan.donation.donor.Caller;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A pledge as the API shows it, from its stores; a pledge of another liaison's donor is "not found". */
@Component
class PledgeRecords {

    private final PledgeStore store;
    private final PledgeHistory history;
    private final Deliveries deliveries;

    PledgeRecords(PledgeStore store, PledgeHistory history, Deliveries deliveries) {
        this.store = store;
        this.history = history;
        this.deliveries = deliveries;
    }

    /** The pledge with its lines, every step it went through, and what the site signed for. */
    record PledgeView(
            PledgeSnapshot pledge,
            String note,
            Instant createdAt,
            List<PledgeHistory.HistoryEntry> history,
            List<Receipt> deliveries) {}

    Mono<PledgeView> view(UUID pledgeId, Caller caller) {
        return store.head(pledgeId, caller)
                .flatMap(head -> Mono.zip(store.snapshot(pledgeId), history.of(pledgeId), deliveries.of(pledgeId))
                        .map(parts -> new PledgeView(
                                parts.getT1(), head.note(), head.createdAt(), parts.getT2(), parts.getT3())));
    }
}
