package org.caravan.donation.visit;

import org.caravan.contracts.visit.VisitEvent;
import org.caravan.platform.messaging.IncomingEvent;
import reactor.core.publisher.Mono;

/** What a visit change does to the pledges for it; runs in the consumer's transaction, after the read model. */
public interface PledgesFollowVisits {

    Mono<Void> visitChanged(IncomingEvent<? extends VisitEvent> event);
}
