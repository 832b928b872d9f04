package org.caravan.contracts.volunteer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.caravan.contracts.CaravanEvent;

/** A coordinator registered a volunteer: who they are, how to reach them, in which language and time zone. */
public record VolunteerRegistered(
        UUID volunteerId,
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
        Instant registeredAt)
        implements CaravanEvent {

    @Override
    public String aggregateId() {
        return volunteerId.toString();
    }
}
