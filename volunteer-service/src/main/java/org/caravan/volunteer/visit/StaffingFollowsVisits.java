package org.caravan.volunteer.visit;

import org.caravan.contracts.visit.VisitEvent;
import org.caravan.platform.messaging.IncomingEvent;
import reactor.core.publisher.Mono;

/** What a change to a visit means for the people on it, once the read model has taken it in; staffing decides. */
public interface StaffingFollowsVisits {

    Mono<Void> visitChanged(IncomingEvent<? extends VisitEvent> event);
}
