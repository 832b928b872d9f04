package org.caravan.contracts.visit;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Everything other services keep about a visit, carried whole by every visit event so that each consumer can
 * rebuild its read model from the latest event alone. Times are local to the site, in {@code site.timeZone}.
 */
public record VisitSnapshot(
        UUID visitId,
        UUID caravanId,
        String caravanName,
        SiteSnapshot site,
        String theme,
        LocalDateTime startsAt,
        LocalDateTime endsAt,
        int expectedAudience,
        String status,
        long version,
        List<ProgrammeItemSnapshot> programme) {}
