package org.caravan.contracts.volunteer;

import java.time.Instant;
import java.util.UUID;
import org.caravan.contracts.CaravanEvent;

/** A volunteer changed how they are reached: contact, language, time zone or preferences, as they now stand. */
public record VolunteerContactChanged(
        UUID volunteerId,
        String subject,
        String name,
        String phone,
        String email,
        String locale,
        String timeZone,
        ContactPreferences contactPreferences,
        Instant changedAt)
        implements CaravanEvent {

    @Override
    public String aggregateId() {
        return volunteerId.toString();
    }
}
