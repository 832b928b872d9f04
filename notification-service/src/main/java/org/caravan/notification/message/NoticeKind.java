package org.caravan.notification.message;

/**
 * What a notice is about. Urgent ones (a cancellation, a request to reconfirm, a reminder whose time was
 * already chosen outside quiet hours) go out at once; others wait for the end of the recipient's quiet hours.
 */
public enum NoticeKind {
    VISIT_SCHEDULED(false),
    ASSIGNMENT_OFFERED(false),
    ASSIGNMENT_PROMOTED(false),
    ASSIGNMENT_CONFIRMED(false),
    ASSIGNMENT_WAITLISTED(false),
    ASSIGNMENT_ENDED(true),
    OFFER_EXPIRING(true),
    OFFER_EXPIRED(false),
    RECONFIRMATION_REQUESTED(true),
    PLACE_MOVED(true),
    REMINDER(true),
    HOURS_CERTIFIED(false),
    VOLUNTEER_DECLINED(false),
    VOLUNTEER_WITHDREW(false),
    NO_SHOW(false),
    STAFFING_GAPS(true),
    DONATION_PLEDGED(false),
    DONATION_DELIVERED(false),
    DONATION_HELD(true);

    private final boolean urgent;

    NoticeKind(boolean urgent) {
        this.urgent = urgent;
    }

    public boolean urgent() {
        return urgent;
    }
}
