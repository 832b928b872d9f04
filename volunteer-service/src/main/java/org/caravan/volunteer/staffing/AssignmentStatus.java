package org.caravan.volunteer.staffing;

public enum AssignmentStatus {
    OFFERED,
    CONFIRMED,
    WAITLISTED,
    DECLINED,
    WITHDRAWN,
    EXPIRED,
    CANCELLED_BY_VISIT,
    RELEASED,
    CHECKED_IN,
    CHECKED_OUT,
    NO_SHOW
}
