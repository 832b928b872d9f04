package org.caravan.platform.outbox;

import java.time.Instant;
import java.util.UUID;

/** An outbox row the relay has yet to publish. */
record PendingEvent(
        long sequence,
        UUID eventId,
        String aggregateId,
        String eventType,
        String topic,
        String payload,
        String traceparent,
        Instant occurredAt) {}
