package org.caravan.notification.inbox;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One notice in a person's inbox; {@code subjectId} is what it is about (a visit, an assignment...). */
@Table("inbox_entry")
public record InboxEntry(
        @Id UUID id,
        String recipient,
        String kind,
        String subjectId,
        String title,
        String body,
        UUID eventId,
        Instant createdAt,
        Instant readAt,
        UUID deliveryId) {}
