package org.caravan.volunteer.staffing;

import org.caravan.contracts.visit.VisitCancelled;
import org.caravan.contracts.visit.VisitEvent;
import org.caravan.platform.messaging.IncomingEvent;
import org.caravan.volunteer.visit.StaffingFollowsVisits;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A cancelled visit ends every live assignment on it with the visit's reason; any other change releases the
 * people of items and roles that left the programme.
 */
@Component
class VisitChangeStaffing implements StaffingFollowsVisits {

    private final Staffing staffing;

    VisitChangeStaffing(Staffing staffing) {
        this.staffing = staffing;
    }

    @Override
    public Mono<Void> visitChanged(IncomingEvent<? extends VisitEvent> event) {
        VisitEvent change = event.payload();
        if (change instanceof VisitCancelled cancelled) {
            return staffing.cancelledWithVisit(
                    cancelled.visit().visitId(), cancelled.reason(), cancelled.cancelledAt());
        }
        return staffing.releaseRemovedFromProgramme(change.visit().visitId());
    }
}
