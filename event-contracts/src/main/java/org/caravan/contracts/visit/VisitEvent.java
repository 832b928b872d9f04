package org.caravan.contracts.visit;

import org.caravan.contracts.CaravanEvent;

/** Any event on caravan.visits.v1: each carries the visit as it stands after the change. */
public interface VisitEvent extends CaravanEvent {

    VisitSnapshot visit();

    @Override
    default String aggregateId() {
        return visit().visitId().toString();
    }
}
