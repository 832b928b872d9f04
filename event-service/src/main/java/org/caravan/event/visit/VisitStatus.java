package org.caravan.event.visit;

public enum VisitStatus {
    DRAFT,
    SCHEDULED,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED
}
