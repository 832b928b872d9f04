package org.caravan.event.site;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.caravan.event.TimeZones;

/** A site as a coordinator enters it; the time zone defaults to Asia/Shanghai. */
public record SiteRequest(
        @NotBlank @Size(min = 1, max = 200) String name,
        @NotNull SiteKind kind,
        @NotBlank @Size(min = 1, max = 100) String district,
        @NotBlank @Size(min = 1, max = 300) String address,
        @Size(max = 64) String timeZone,
        @Valid Location location,
        @Valid Contact contact) {

    public record Location(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {}

    public record Contact(
            @Size(max = 100) String name, @Size(max = 40) String phone, @Email @Size(max = 200) String email) {}

    @AssertTrue(message = "must be an IANA time zone such as Asia/Shanghai")
    boolean isTimeZone() {
        return TimeZones.isValid(timeZoneOrDefault());
    }

    String timeZoneOrDefault() {
        return timeZone == null || timeZone.isBlank() ? TimeZones.DEFAULT : timeZone;
    }

    Site toSite(UUID id, Instant createdAt, Long version) {
        Contact c = contact == null ? new Contact(null, null, null) : contact;
        return new Site(
                id,
                name.strip(),
                kind,
                district.strip(),
                address.strip(),
                timeZoneOrDefault(),
                location == null ? null : location.lat(),
                location == null ? null : location.lon(),
                c.name(),
                c.phone(),
                c.email(),
                createdAt,
                version);
    }
}
