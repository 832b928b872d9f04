package org.caravan.event.site;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.caravan.contracts.visit.GeoLocation;
import org.caravan.contracts.visit.SiteSnapshot;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A place the caravan visits: a school, an enterprise, a community centre. */
@Table("site")
public record Site(
        @Id UUID id,
        String name,
        SiteKind kind,
        String district,
        String address,
        String timeZone,
        Double lat,
        Double lon,
        String contactName,
        String contactPhone,
        String contactEmail,
        Instant createdAt,
        @Version Long version) {

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public SiteSnapshot snapshot() {
        return new SiteSnapshot(
                id, name, kind.name(), district, address, timeZone, lat == null ? null : new GeoLocation(lat, lon));
    }
}
