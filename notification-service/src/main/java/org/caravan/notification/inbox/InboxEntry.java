package org.caravan.notification.inbox;

import java.time.Instant;
import java.util.UUID;

/** One notice in a person's inbox; {@code subjectId} is what it is about (a visit, an assignment...). */
public record InboxEntry(
        UUID id,
        String recipient,
        String kind,
        String subjectId,
        String title,
        String body,
        UUID eventId,
        Instant createdAt,
        Instant readAt,
        UUID deliveryId) {}
