package org.caravan.event.visit;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** One caravan stop at one site. Times are stored as instants and shown in the site's time zone. */
@Table("visit")
public record Visit(
        @Id UUID id,
        UUID caravanId,
        UUID siteId,
        String theme,
        Instant startsAt,
        Instant endsAt,
        int expectedAudience,
        VisitStatus status,
        String statusReason,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Version Long version) {

    Visit withStatus(VisitStatus newStatus, String reason, Instant now) {
        return new Visit(
                id,
                caravanId,
                siteId,
                theme,
                startsAt,
                endsAt,
                expectedAudience,
                newStatus,
                reason,
                createdBy,
                createdAt,
                now,
                version);
    }

    Visit withTimes(Instant start, Instant end, Instant now) {
        return new Visit(
                id,
                caravanId,
                siteId,
                theme,
                start,
                end,
                expectedAudience,
                status,
                statusReason,
                createdBy,
                createdAt,
                now,
                version);
    }

    Visit withDetails(UUID caravan, UUID site, String newTheme, int audience, Instant now) {
        return new Visit(
                id,
                caravan,
                site,
                newTheme,
                startsAt,
                endsAt,
                audience,
                status,
                statusReason,
                createdBy,
                createdAt,
                now,
                version);
    }

    /** A change to the programme is a change to the visit: its version moves on. */
    public Visit touched(Instant now) {
        return withTimes(startsAt, endsAt, now);
    }

    public boolean covers(Instant start, Duration length) {
        return !start.isBefore(startsAt) && !start.plus(length).isAfter(endsAt);
    }
}
