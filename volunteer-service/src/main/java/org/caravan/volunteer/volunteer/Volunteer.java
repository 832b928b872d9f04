package org.caravan.volunteer.volunteer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A person who serves, with the skills and languages coordinators staff by; {@code subject} is their login. */
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
        Instant createdAt,
        @Version Long version) {}
