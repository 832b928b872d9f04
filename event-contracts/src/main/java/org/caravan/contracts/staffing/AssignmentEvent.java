package org.caravan.contracts.staffing;

import org.caravan.contracts.CaravanEvent;

/** Any event on caravan.assignments.v1, keyed by the assignment. */
public interface AssignmentEvent extends CaravanEvent {

    AssignmentSnapshot assignment();

    @Override
    default String aggregateId() {
        return assignment().assignmentId().toString();
    }
}
