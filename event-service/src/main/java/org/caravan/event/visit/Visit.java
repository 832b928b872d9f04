package org.caravan.event.visit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.caravan.contracts.visit.VisitScheduled;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** One caravan stop at one site; times are local to the site, in {@code timeZone}. */
@Table("visit")
public record Visit(
        @Id UUID id,
        String title,
        String siteName,
        LocalDateTime startsAt,
        LocalDateTime endsAt,
        String timeZone,
        VisitStatus status,
        String scheduledBy,
        Instant createdAt,
        @Version Long version) {

    static Visit scheduled(NewVisit request, String coordinator, Instant now) {
        return new Visit(
                null,
                request.title().strip(),
                request.siteName().strip(),
                request.startsAt(),
                request.endsAt(),
                request.timeZoneOrDefault(),
                VisitStatus.SCHEDULED,
                coordinator,
                now,
                null);
    }

    VisitScheduled toScheduledEvent() {
        return new VisitScheduled(id, title, siteName, startsAt, endsAt, timeZone, scheduledBy, createdAt);
    }
}
