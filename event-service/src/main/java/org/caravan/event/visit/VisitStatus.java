package org.caravan.event.visit;

/** DRAFT → SCHEDULED → IN_PROGRESS → COMPLETED, and DRAFT or SCHEDULED → CANCELLED. */
public enum VisitStatus {
    DRAFT,
    SCHEDULED,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED;

    /** Other services hear of a visit only once it is published. */
    public boolean isPublished() {
        return this != DRAFT;
    }

    /** Its details and programme may still change. */
    public boolean isPlannable() {
        return this == DRAFT || this == SCHEDULED;
    }
}
