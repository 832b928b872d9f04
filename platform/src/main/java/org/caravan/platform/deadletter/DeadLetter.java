package org.caravan.platform.deadletter;

import io.r2dbc.postgresql.codec.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caravan.platform.EventJson;
import org.caravan.platform.deadletter.CapturedRecord.StoredHeader;

/** One dead-lettered record of this service, as stored, and what an operator decided about it. */
public record DeadLetter(
        UUID id,
        String dlqTopic,
        int dlqPartition,
        long dlqOffset,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        String eventId,
        String eventType,
        byte[] key,
        byte[] value,
        List<StoredHeader> headers,
        String exceptionClass,
        String exceptionMessage,
        String exceptionStackTrace,
        Instant deadLetteredAt,
        Instant lastDeadLetteredAt,
        int times,
        Status status,
        Instant resolvedAt,
        String resolvedBy,
        String reason) {

    /**
     * A dead letter waits until an operator replays it to its original topic or discards it; either is final, and
     * the same event dead-lettered again after that waits anew.
     */
    public enum Status {
        WAITING,
        REPLAYED,
        DISCARDED
    }

    static DeadLetter from(io.r2dbc.spi.Readable row) {
        return new DeadLetter(
                row.get("id", UUID.class),
                row.get("dlq_topic", String.class),
                row.get("dlq_partition", Integer.class),
                row.get("dlq_offset", Long.class),
                row.get("original_topic", String.class),
                row.get("original_partition", Integer.class),
                row.get("original_offset", Long.class),
                row.get("event_id", String.class),
                row.get("event_type", String.class),
                bytes(row, "record_key"),
                bytes(row, "record_value"),
                headers(row.get("headers", Json.class)),
                row.get("exception_class", String.class),
                row.get("exception_message", String.class),
                row.get("exception_stacktrace", String.class),
                instant(row, "dead_lettered_at"),
                instant(row, "last_dead_lettered_at"),
                row.get("times", Integer.class),
                Status.valueOf(row.get("status", String.class)),
                instant(row, "resolved_at"),
                row.get("resolved_by", String.class),
                row.get("reason", String.class));
    }

    static Json headersJson(List<StoredHeader> headers) {
        return Json.of(EventJson.write(headers.stream()
                .map(header -> Map.of(
                        "name",
                        header.name(),
                        "value",
                        header.value() == null ? "" : Base64.getEncoder().encodeToString(header.value())))
                .toList()));
    }

    @SuppressWarnings("unchecked")
    private static List<StoredHeader> headers(Json json) {
        List<Map<String, String>> stored = EventJson.read(json.asArray(), List.class);
        return stored.stream()
                .map(header ->
                        new StoredHeader(header.get("name"), Base64.getDecoder().decode(header.get("value"))))
                .toList();
    }

    private static byte[] bytes(io.r2dbc.spi.Readable row, String column) {
        java.nio.ByteBuffer buffer = row.get(column, java.nio.ByteBuffer.class);
        if (buffer == null) {
            return null;
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static Instant instant(io.r2dbc.spi.Readable row, String column) {
        OffsetDateTime at = row.get(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
