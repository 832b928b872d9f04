package org.caravan.contracts.visit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.caravan.contracts.CaravanEvent;

/**
 * A visit was published to the calendar. Carries what consumers show and remind about, so that none of
 * them needs to call event-service back. Times are local to the site, in {@code timeZone}.
 */
public record VisitScheduled(
        UUID visitId,
        String title,
        String siteName,
        LocalDateTime startsAt,
        LocalDateTime endsAt,
        String timeZone,
        String scheduledBy,
        Instant scheduledAt)
        implements CaravanEvent {

    @Override
    public String aggregateId() {
        return visitId.toString();
    }
}
