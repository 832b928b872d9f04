package org.caravan.platform.messaging;

import java.time.Instant;
import java.util.UUID;
import org.caravan.contracts.CaravanEvent;
import org.caravan.contracts.EventType;

/** An event as a consumer receives it: its payload with the CloudEvents attributes that came with it. */
public record IncomingEvent<E extends CaravanEvent>(
        UUID id, EventType<E> type, String source, String subject, Instant time, E payload) {}
