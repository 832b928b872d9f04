package org.caravan.event.caravan;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A programme brand that makes many visits, e.g. the Volunteer Service Caravan. */
@Table("caravan")
public record Caravan(@Id UUID id, String name, String description, Instant createdAt) {}
