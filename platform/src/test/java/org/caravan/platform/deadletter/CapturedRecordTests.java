package org.caravan.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class CapturedRecordTests {

    @Test
    void theBindersHeadersSayWhereTheRecordCameFromAndWhyAndAreNotSentBack() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", text("0b0e2f6c-7f0e-4b7a-9d7e-3c1f2a4b5c6d"));
        headers.add("ce_type", text("org.caravan.visit.scheduled.v1"));
        headers.add("traceparent", text("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        headers.add("x-original-topic", text("caravan.visits.v1"));
        headers.add("x-original-partition", ByteBuffer.allocate(4).putInt(2).array());
        headers.add("x-original-offset", ByteBuffer.allocate(8).putLong(41L).array());
        headers.add("x-original-timestamp", ByteBuffer.allocate(8).putLong(1L).array());
        headers.add("x-exception-fqcn", text("org.caravan.platform.messaging.PoisonEventException"));
        headers.add("x-exception-message", text("Unreadable org.caravan.visit.scheduled.v1"));
        headers.add("x-exception-stacktrace", text("at somewhere"));

        CapturedRecord captured = CapturedRecord.from(record("error.caravan.visits.v1.notification-service", headers));

        assertThat(captured.originalTopic()).isEqualTo("caravan.visits.v1");
        assertThat(captured.originalPartition()).isEqualTo(2);
        assertThat(captured.originalOffset()).isEqualTo(41L);
        assertThat(captured.eventId()).isEqualTo("0b0e2f6c-7f0e-4b7a-9d7e-3c1f2a4b5c6d");
        assertThat(captured.eventType()).isEqualTo("org.caravan.visit.scheduled.v1");
        assertThat(captured.exceptionClass()).endsWith("PoisonEventException");
        assertThat(captured.exceptionMessage()).startsWith("Unreadable");
        assertThat(captured.exceptionStackTrace()).isEqualTo("at somewhere");
        assertThat(captured.headers())
                .extracting(CapturedRecord.StoredHeader::name)
                .containsExactly("ce_id", "ce_type", "traceparent");
        assertThat(captured.dlqTopic()).isEqualTo("error.caravan.visits.v1.notification-service");
        assertThat(captured.dlqOffset()).isEqualTo(7L);
    }

    @Test
    void theExceptionIsTheConsumersOwnNotTheWrapperTheBinderCaughtNorTheParsersBelow() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("x-exception-fqcn", text("org.springframework.messaging.MessagingException"));
        headers.add("x-exception-message", text("Retry policy exhausted"));
        headers.add(
                "x-exception-stacktrace",
                text(
                        """
                        org.springframework.messaging.MessagingException: Retry policy exhausted
                        \tat org.springframework.integration.Somewhere.run(Somewhere.java:1)
                        Caused by: org.springframework.messaging.MessageHandlingException: error occurred in handler
                        \tat org.springframework.integration.Handler.handle(Handler.java:2)
                        Caused by: org.caravan.platform.messaging.PoisonEventException: Unreadable visit: no theme
                        \tat org.caravan.platform.messaging.IncomingEventReader.read(IncomingEventReader.java:3)
                        Caused by: tools.jackson.core.exc.StreamReadException: Unexpected end-of-input
                        \tSuppressed: java.lang.Exception: #block terminated with an error
                        \t\tCaused by: java.lang.IllegalStateException: inner
                        """));

        CapturedRecord captured = CapturedRecord.from(record("error.caravan.visits.v1.g", headers));

        assertThat(captured.exceptionClass()).isEqualTo("org.caravan.platform.messaging.PoisonEventException");
        assertThat(captured.exceptionMessage()).isEqualTo("Unreadable visit: no theme");
    }

    @Test
    void withoutACauseTheExceptionIsTheOneTheBinderNamed() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("x-exception-fqcn", text("java.lang.IllegalStateException"));
        headers.add("x-exception-message", text("no"));
        headers.add("x-exception-stacktrace", text("java.lang.IllegalStateException: no\n\tat a.B.c(B.java:1)\n"));

        CapturedRecord captured = CapturedRecord.from(record("error.t.g", headers));

        assertThat(captured.exceptionClass()).isEqualTo("java.lang.IllegalStateException");
        assertThat(captured.exceptionMessage()).isEqualTo("no");
    }

    @Test
    void aRecordWithoutTheBindersHeadersIsTakenForOneOfTheTopicItsNameHolds() {
        CapturedRecord captured =
                CapturedRecord.from(record("error.caravan.visits.v1.notification-service", new RecordHeaders()));

        assertThat(captured.originalTopic()).isEqualTo("caravan.visits.v1");
        assertThat(captured.originalPartition()).isNull();
        assertThat(captured.originalOffset()).isNull();
        assertThat(captured.eventId()).isNull();
        assertThat(captured.headers()).isEmpty();
    }

    @Test
    void theOriginalPartitionAndOffsetWrittenAsTextAreReadToo() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("x-original-partition", text("11"));
        headers.add("x-original-offset", text("123456"));

        CapturedRecord captured = CapturedRecord.from(record("error.t.g", headers));

        assertThat(captured.originalPartition()).isEqualTo(11);
        assertThat(captured.originalOffset()).isEqualTo(123456L);
    }

    @Test
    void aPayloadIsShownAsTextOnlyWhenItIsUtf8() {
        assertThat(DeadLetterController.text(text("{\"theme\": \"共谱祖国颂\"}"))).contains("共谱祖国颂");
        assertThat(DeadLetterController.text(new byte[] {(byte) 0xC3, (byte) 0x28}))
                .isNull();
        assertThat(DeadLetterController.text(null)).isNull();
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, RecordHeaders headers) {
        return new ConsumerRecord<>(
                topic,
                0,
                7L,
                0L,
                TimestampType.CREATE_TIME,
                0,
                0,
                text("visit-1"),
                text("{}"),
                headers,
                Optional.empty());
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
