package org.caravan.volunteer.staffing;

import org.caravan.contracts.visit.VisitCancelled;
import org.caravan.platform.messaging.IncomingEvent;
import org.caravan.volunteer.visit.VisitCancellations;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A cancelled visit ends every live assignment on it, each with the visit's reason. */
@Component
class CancelledVisitStaffing implements VisitCancellations {

    private final Staffing staffing;

    CancelledVisitStaffing(Staffing staffing) {
        this.staffing = staffing;
    }

    @Override
    public Mono<Void> apply(IncomingEvent<VisitCancelled> event) {
        VisitCancelled cancelled = event.payload();
        return staffing.cancelledWithVisit(cancelled.visit().visitId(), cancelled.reason(), cancelled.cancelledAt());
    }
}
