package org.caravan.volunteer.visit;

import org.caravan.contracts.visit.VisitCancelled;
import org.caravan.platform.messaging.IncomingEvent;
import reactor.core.publisher.Mono;

/** What a cancelled visit means for the people on it; staffing decides. */
public interface VisitCancellations {

    Mono<Void> apply(IncomingEvent<VisitCancelled> event);
}
