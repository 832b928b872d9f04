package org.caravan.platform.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.caravan.platform.messaging.CloudEventHeaders;

/**
 * A record as the binder dead-lettered it, split into what was sent (topic, key, value, the original headers, to
 * send back as they were) and what the binder added: where the record came from ({@code x-original-*}, the
 * partition and offset as big-endian numbers) and why it failed ({@code x-exception-*}).
 */
record CapturedRecord(
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
        String exceptionStackTrace) {

    static final String ORIGINAL_TOPIC = "x-original-topic";
    static final String ORIGINAL_PARTITION = "x-original-partition";
    static final String ORIGINAL_OFFSET = "x-original-offset";
    static final String EXCEPTION_CLASS = "x-exception-fqcn";
    static final String EXCEPTION_MESSAGE = "x-exception-message";
    static final String EXCEPTION_STACKTRACE = "x-exception-stacktrace";

    /** A header of the original record: its name and its bytes, which need not be text. */
    record StoredHeader(String name, byte[] value) {}

    static CapturedRecord from(ConsumerRecord<byte[], byte[]> record) {
        List<StoredHeader> original = new ArrayList<>();
        for (Header header : record.headers()) {
            if (!addedByTheBinder(header.key())) {
                original.add(new StoredHeader(header.key(), header.value()));
            }
        }
        String originalTopic = text(record, ORIGINAL_TOPIC);
        return new CapturedRecord(
                record.topic(),
                record.partition(),
                record.offset(),
                originalTopic == null ? fromName(record.topic()) : originalTopic,
                number(record, ORIGINAL_PARTITION) == null
                        ? null
                        : number(record, ORIGINAL_PARTITION).intValue(),
                number(record, ORIGINAL_OFFSET),
                text(record, CloudEventHeaders.ID),
                text(record, CloudEventHeaders.TYPE),
                record.key(),
                record.value(),
                List.copyOf(original),
                text(record, EXCEPTION_CLASS),
                text(record, EXCEPTION_MESSAGE),
                text(record, EXCEPTION_STACKTRACE));
    }

    /** Where the binder says the failure came from, and why: kept in columns, never sent back. */
    static boolean addedByTheBinder(String header) {
        return header.startsWith("x-original-") || header.startsWith("x-exception-");
    }

    /** {@code error.<topic>.<group>} without its headers (a record written by hand): the topic between the dots. */
    private static String fromName(String dlqTopic) {
        if (dlqTopic.startsWith("error.") && dlqTopic.lastIndexOf('.') > "error.".length()) {
            return dlqTopic.substring("error.".length(), dlqTopic.lastIndexOf('.'));
        }
        return dlqTopic;
    }

    private static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The binder writes an int (4 bytes) or a long (8); a text number is read as well. */
    private static Long number(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        byte[] bytes = header.value();
        if (bytes.length == Integer.BYTES) {
            return (long) ByteBuffer.wrap(bytes).getInt();
        }
        if (bytes.length == Long.BYTES) {
            return ByteBuffer.wrap(bytes).getLong();
        }
        try {
            return Long.parseLong(new String(bytes, StandardCharsets.UTF_8).trim());
        } catch (NumberFormatException unreadable) {
            return null;
        }
    }
}
