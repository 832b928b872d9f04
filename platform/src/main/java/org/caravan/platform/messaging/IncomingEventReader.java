package org.caravan.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.caravan.contracts.CaravanEvent;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.EventType;
import org.caravan.platform.EventJson;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/** Turns a Kafka record (CloudEvents binary mode) into an {@link IncomingEvent}, or says why it cannot. */
final class IncomingEventReader {

    private IncomingEventReader() {}

    /** Empty for an event type this build does not know: a newer version is skipped, not dead-lettered. */
    static Optional<IncomingEvent<?>> read(Message<byte[]> message) {
        MessageHeaders headers = message.getHeaders();
        String typeName = text(headers, CloudEventHeaders.TYPE);
        if (typeName == null) {
            throw new PoisonEventException("No " + CloudEventHeaders.TYPE + " header", null);
        }
        return EventCatalog.byName(typeName).map(type -> toEvent(type, message));
    }

    private static <E extends CaravanEvent> IncomingEvent<E> toEvent(EventType<E> type, Message<byte[]> message) {
        MessageHeaders headers = message.getHeaders();
        try {
            return new IncomingEvent<>(
                    UUID.fromString(required(headers, CloudEventHeaders.ID)),
                    type,
                    text(headers, CloudEventHeaders.SOURCE),
                    text(headers, CloudEventHeaders.SUBJECT),
                    time(text(headers, CloudEventHeaders.TIME)),
                    EventJson.read(message.getPayload(), type.payloadType()));
        } catch (RuntimeException e) {
            throw new PoisonEventException("Unreadable " + type.name() + ": " + e.getMessage(), e);
        }
    }

    private static Instant time(String value) {
        return value == null ? null : OffsetDateTime.parse(value).toInstant();
    }

    private static String required(MessageHeaders headers, String name) {
        String value = text(headers, name);
        if (value == null) {
            throw new IllegalArgumentException("No " + name + " header");
        }
        return value;
    }

    private static String text(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
