package org.caravan.volunteer.volunteer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.caravan.contracts.volunteer.ContactPreferences;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person who serves, with the skills and languages coordinators staff by; {@code subject} is their login.
 * Contact preferences and availability are their own to change.
 */
@Table("volunteer")
public record Volunteer(
        @Id UUID id,
        String subject,
        String name,
        String phone,
        String email,
        List<String> skills,
        List<String> languages,
        String district,
        String locale,
        String timeZone,
        ContactPreferences contactPreferences,
        Availability availability,
        Instant createdAt,
        @Version Long version) {

    Volunteer withProfile(VolunteerController.Profile profile) {
        return new Volunteer(
                id,
                subject,
                profile.name().strip(),
                profile.phone(),
                profile.email(),
                skills,
                VolunteerController.orEmpty(profile.languages()),
                profile.district(),
                profile.locale() == null ? locale : profile.locale(),
                profile.timeZone() == null ? timeZone : TimeZoneNames.require(profile.timeZone()),
                ContactRules.validated(profile.contactPreferences(), profile.email()),
                profile.availability() == null
                        ? Availability.UNKNOWN
                        : profile.availability().validated(),
                createdAt,
                version);
    }

    /** Whether notification-service must hear of the change: anything about how to reach this person. */
    boolean reachedDifferentlyThan(Volunteer before) {
        return !java.util.Objects.equals(
                List.of(nullSafe(name), nullSafe(phone), nullSafe(email), locale, timeZone, contactPreferences),
                List.of(
                        nullSafe(before.name),
                        nullSafe(before.phone),
                        nullSafe(before.email),
                        before.locale,
                        before.timeZone,
                        before.contactPreferences));
    }

    private static String nullSafe(String value) {
        return value == null ? "" : value;
    }
}
