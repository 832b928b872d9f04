package org.caravan.event.visit;

/** Where a visit stands in its lifecycle; what may change it is {@link VisitChange}. */
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
}
