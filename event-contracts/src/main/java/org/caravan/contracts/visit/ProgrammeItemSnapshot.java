package org.caravan.contracts.visit;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/** One slot of a visit's programme; {@code startsAt} is local to the site, {@code teamSlots} whole teams wanted. */
public record ProgrammeItemSnapshot(
        UUID itemId,
        int position,
        String title,
        String kind,
        LocalDateTime startsAt,
        int durationMinutes,
        List<StaffingNeed> needs,
        int teamSlots) {}
