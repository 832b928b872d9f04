package org.caravan.notification.delivery;

/**
 * Every way a delivery's status may change, and the step each one leaves in its history for operators. Each
 * applies only from one status: a sent, skipped or failed delivery is never sent again by a late pass, and only a
 * failed one is queued again by an operator.
 */
enum Transition {
    DEFER(Status.QUEUED, Status.QUEUED, "DEFERRED"),
    SEND(Status.QUEUED, Status.SENT, "SENT"),
    SKIP(Status.QUEUED, Status.SKIPPED, "SKIPPED"),
    FAIL_FOR_NOW(Status.QUEUED, Status.QUEUED, "RETRYING"),
    FAIL_FOR_GOOD(Status.QUEUED, Status.FAILED, "FAILED"),
    RETRY(Status.FAILED, Status.QUEUED, "QUEUED"),
    READ(Status.SENT, Status.SENT, "READ");

    enum Status {
        QUEUED,
        SENT,
        FAILED,
        SKIPPED
    }

    /** What a new delivery starts as, and so the first step of its history. */
    static final Status FIRST = Status.QUEUED;

    private final Status from;
    private final Status to;
    private final String step;

    Transition(Status from, Status to, String step) {
        this.from = from;
        this.to = to;
        this.step = step;
    }

    Status from() {
        return from;
    }

    Status to() {
        return to;
    }

    String step() {
        return step;
    }
}
