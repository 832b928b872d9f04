package org.caravan.notification.delivery;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.r2dbc.postgresql.codec.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.caravan.notification.message.NoticeKind;
import org.caravan.platform.EventJson;
import org.caravan.platform.security.Redaction;

/** One notice on its way to one recipient over one channel, and where that stands. */
public record Delivery(
        UUID id,
        UUID eventId,
        String recipient,
        int rank,
        String channel,
        NoticeKind kind,
        String subjectId,
        Map<String, String> params,
        boolean urgent,
        String status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        @JsonIgnore String traceparent) {

    /** The trace that queued it, to look up in the operator's trace viewer. */
    @JsonProperty
    public String traceId() {
        return traceparent == null ? null : traceparent.split("-")[1];
    }

    /** As operators see it: links that would answer for the volunteer keep only where they point. */
    Delivery redacted() {
        return new Delivery(
                id,
                eventId,
                recipient,
                rank,
                channel,
                kind,
                subjectId,
                Redaction.redact(params),
                urgent,
                status,
                attempts,
                nextAttemptAt,
                Redaction.redact(lastError),
                createdAt,
                traceparent);
    }

    @SuppressWarnings("unchecked")
    static Delivery from(io.r2dbc.spi.Readable row) {
        return new Delivery(
                row.get("id", UUID.class),
                row.get("event_id", UUID.class),
                row.get("recipient", String.class),
                row.get("rank", Integer.class),
                row.get("channel", String.class),
                NoticeKind.valueOf(row.get("kind", String.class)),
                row.get("subject_id", String.class),
                (Map<String, String>)
                        EventJson.read(row.get("params", Json.class).asArray(), Map.class),
                row.get("urgent", Boolean.class),
                row.get("status", String.class),
                row.get("attempts", Integer.class),
                row.get("next_attempt_at", OffsetDateTime.class).toInstant(),
                row.get("last_error", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("traceparent", String.class));
    }
}
