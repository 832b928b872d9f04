package org.caravan.platform.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        String stackTrace = text(record, EXCEPTION_STACKTRACE);
        Cause failure = failure(text(record, EXCEPTION_CLASS), text(record, EXCEPTION_MESSAGE), stackTrace);
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
                failure.className(),
                failure.message(),
                stackTrace);
    }

    /** An exception of the stack trace, as it names it. */
    record Cause(String className, String message) {}

    private static final Pattern CAUSED_BY = Pattern.compile("(?m)^Caused by: ([\\w.$]+)(?:: ?(.*))?$");
    private static final List<String> WRAPPERS = List.of(
            "org.springframework.messaging.",
            "org.springframework.integration.",
            "org.springframework.core.retry.",
            "org.springframework.retry.",
            "org.springframework.cloud.stream.");

    /**
     * The binder names the exception it caught: the messaging framework's wrapper, whose class says nothing about
     * the failure. What an operator needs is the first exception of the chain that is not such a wrapper (the
     * consumer's own, such as a PoisonEventException, rather than the parser's below it), else the last cause.
     */
    static Cause failure(String className, String message, String stackTrace) {
        List<Cause> chain = new ArrayList<>();
        chain.add(new Cause(className, message));
        if (stackTrace != null) {
            Matcher caused = CAUSED_BY.matcher(stackTrace);
            while (caused.find()) {
                chain.add(new Cause(
                        caused.group(1),
                        caused.group(2) == null ? "" : caused.group(2).strip()));
            }
        }
        return chain.stream()
                .filter(cause ->
                        cause.className() != null && WRAPPERS.stream().noneMatch(cause.className()::startsWith))
                .findFirst()
                .orElse(chain.get(chain.size() - 1));
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
