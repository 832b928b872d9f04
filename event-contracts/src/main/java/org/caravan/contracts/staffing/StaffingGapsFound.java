package org.caravan.contracts.staffing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.caravan.contracts.CaravanEvent;

/**
 * Checked shortly before a visit (48 hours by default), its staffing still has gaps; the coordinator should act.
 * Keyed by the visit.
 */
public record StaffingGapsFound(
        UUID visitId,
        String siteName,
        Instant visitStartsAt,
        String timeZone,
        List<StaffingGap> gaps,
        Instant checkedAt)
        implements CaravanEvent {

    @Override
    public String aggregateId() {
        return visitId.toString();
    }
}
