package org.caravan.volunteer.team;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A volunteer organisation booked as a unit; its lead answers offers for it and is one of its members. */
public record Team(
        UUID id, String name, UUID leadVolunteerId, List<UUID> memberIds, List<String> skills, Instant createdAt) {}
