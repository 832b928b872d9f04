package org.caravan.donation.pledge;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.caravan.contracts.donation.PledgeSnapshot;
import org.caravan.platform.web.ProblemException;

/**
 * Where a pledge stands, as {@code pledge.status} keeps it and the API and events carry it (by name). Goods only
 * move forward; a cancelled visit puts an open pledge ON_HOLD until it is moved to another visit; DELIVERED and
 * CANCELLED are final.
 */
enum PledgeStatus {
    PLEDGED,
    RECEIVED,
    DISPATCHED,
    PARTIALLY_DELIVERED,
    DELIVERED,
    CANCELLED,
    ON_HOLD;

    static PledgeStatus of(PledgeSnapshot pledge) {
        return valueOf(pledge.status());
    }

    /** Every status this one may become; an open pledge may stay as it is (more items of the same step). */
    Set<PledgeStatus> next() {
        return switch (this) {
            case PLEDGED -> EnumSet.of(PLEDGED, RECEIVED, CANCELLED, ON_HOLD);
            case RECEIVED -> EnumSet.of(RECEIVED, DISPATCHED, CANCELLED, ON_HOLD);
            case DISPATCHED -> EnumSet.of(DISPATCHED, PARTIALLY_DELIVERED, DELIVERED, CANCELLED, ON_HOLD);
            case PARTIALLY_DELIVERED -> EnumSet.of(PARTIALLY_DELIVERED, DELIVERED, CANCELLED, ON_HOLD);
            case ON_HOLD -> EnumSet.of(ON_HOLD, PLEDGED, RECEIVED, DISPATCHED, PARTIALLY_DELIVERED, CANCELLED);
            case DELIVERED, CANCELLED -> EnumSet.noneOf(PledgeStatus.class);
        };
    }

    boolean open() {
        return !next().isEmpty();
    }

    boolean mayBecome(PledgeStatus status) {
        return next().contains(status);
    }

    /** Refuses any change to a delivered or cancelled pledge, as the API answers it (409). */
    void requireOpen() {
        if (!open()) {
            throw ProblemException.conflict(
                    "Pledge is " + this, "A " + name().toLowerCase(Locale.ROOT) + " pledge does not change any more");
        }
    }

    /** Refuses a change this status does not lead to: a closed pledge first, then any other jump. */
    void requireMayBecome(PledgeStatus status) {
        requireOpen();
        if (!mayBecome(status)) {
            throw ProblemException.conflict(
                    "Pledge is " + this, "A " + name().toLowerCase(Locale.ROOT) + " pledge cannot become " + status);
        }
    }

    /** The statuses a cancelled visit puts on hold. */
    static Set<PledgeStatus> holdable() {
        Set<PledgeStatus> holdable = EnumSet.noneOf(PledgeStatus.class);
        for (PledgeStatus status : values()) {
            if (status != ON_HOLD && status.mayBecome(ON_HOLD)) {
                holdable.add(status);
            }
        }
        return holdable;
    }
}
