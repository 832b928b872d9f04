package org.caravan.volunteer.staffing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.caravan.volunteer.visit.VisitPlans;

/**
 * The order in which a coordinator reads an item's assignments: who holds a place, or held it on the day (checked
 * in, checked out, did not come), first; then open offers; then the waitlist, in its order; then what ended without
 * a place (declined, withdrawn, expired, released, cancelled with the visit). Within each, named roles come before
 * the team slot, as on the staffing board, and then people in the order they came to stand there: a place by when it
 * was taken, an offer by when it was made, an ending by when it ended.
 */
final class ItemAssignmentOrder {

    /** Where an assignment stands on the item, in the order the list shows them. */
    enum Standing {
        PLACE,
        OFFER,
        WAITLIST,
        ENDED
    }

    static final Comparator<Assignment> ORDER = Comparator.comparing((Assignment a) -> standing(a.status()))
            .thenComparing(a -> VisitPlans.TEAM_SLOT.equals(a.role()))
            .thenComparing(Assignment::role)
            .thenComparing(Assignment::waitlistOrder, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ItemAssignmentOrder::since, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Assignment::id);

    private ItemAssignmentOrder() {}

    static Standing standing(AssignmentStatus status) {
        return switch (status) {
            case CONFIRMED, CHECKED_IN, CHECKED_OUT, NO_SHOW -> Standing.PLACE;
            case OFFERED -> Standing.OFFER;
            case WAITLISTED -> Standing.WAITLIST;
            case DECLINED, WITHDRAWN, EXPIRED, RELEASED, CANCELLED_BY_VISIT -> Standing.ENDED;
        };
    }

    /** The entries sorted by their assignments in {@link #ORDER}. */
    static <T> List<T> sorted(List<T> entries, Function<T, Assignment> assignment) {
        return entries.stream().sorted(Comparator.comparing(assignment, ORDER)).toList();
    }

    /** Since when it stands where it does: an answer (or an ending) is recorded when it is made; an offer has none. */
    private static Instant since(Assignment assignment) {
        return assignment.answeredAt() != null ? assignment.answeredAt() : assignment.offeredAt();
    }
}
