package org.caravan.identity.invitation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.caravan.identity.IdentityIntegrationTest;
import org.caravan.identity.KafkaRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One topic whose events invite people: records sent as the publishing service's relay sends them (keyed by the
 * aggregate, CloudEvents headers), its dead letters watched, and the claims and links the consumer leaves counted.
 */
abstract class InvitingEventsIntegrationTest extends IdentityIntegrationTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    private final String topic;
    private final String source;
    private final String type;
    private KafkaRecords deadLetters;

    @Autowired
    protected JdbcClient jdbc;

    protected InvitingEventsIntegrationTest(String topic, String source, String type) {
        this.topic = topic;
        this.source = source;
        this.type = type;
    }

    @BeforeEach
    void watchTheDeadLetters() {
        deadLetters = KafkaRecords.watch("error." + topic + ".identity-service");
    }

    @AfterEach
    void stopWatching() {
        deadLetters.close();
    }

    /** The event of this topic's type, with the given id, keyed by its aggregate. */
    protected UUID publish(UUID eventId, UUID aggregateId, byte[] payload) {
        return publish(eventId, aggregateId, payload, null);
    }

    /** The event as {@link #publish(UUID, UUID, byte[])}, in the trace the relay's {@code traceparent} names. */
    protected UUID publish(UUID eventId, UUID aggregateId, byte[] payload, String traceparent) {
        Map<String, String> headers = headers(eventId, aggregateId.toString());
        headers.put("ce_type", type);
        if (traceparent != null) {
            headers.put("traceparent", traceparent);
        }
        KafkaRecords.send(topic, aggregateId.toString(), payload, headers);
        return eventId;
    }

    /** A record of the given type (none when null) with a new id, keyed by the aggregate. */
    protected UUID send(UUID aggregateId, String recordType, byte[] payload) {
        UUID id = UUID.randomUUID();
        Map<String, String> headers = headers(id, aggregateId.toString());
        if (recordType != null) {
            headers.put("ce_type", recordType);
        }
        KafkaRecords.send(topic, aggregateId.toString(), payload, headers);
        return id;
    }

    private Map<String, String> headers(UUID eventId, String aggregateId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_id", eventId.toString());
        headers.put("ce_source", source);
        headers.put("ce_subject", aggregateId);
        headers.put("ce_time", CLOCK.instant().toString());
        headers.put("ce_specversion", "1.0");
        headers.put("content-type", "application/json");
        return headers;
    }

    protected String deadLetter(UUID eventId, String header) {
        ConsumerRecord<String, byte[]> record =
                deadLetters.await(r -> eventId.toString().equals(KafkaRecords.header(r, "ce_id")), PATIENCE);
        return KafkaRecords.header(record, header);
    }

    protected boolean deadLettered(UUID eventId) {
        List<ConsumerRecord<String, byte[]>> all = deadLetters.collectFor(Duration.ofSeconds(1));
        return all.stream().anyMatch(r -> eventId.toString().equals(KafkaRecords.header(r, "ce_id")));
    }

    protected int claims(UUID eventId) {
        return jdbc.sql("select count(*) from processed_event where consumer = 'identity-service' and event_id = ?")
                .param(eventId)
                .query(Integer.class)
                .single();
    }

    protected int links(String subject) {
        return jdbc.sql("select count(*) from one_time_link where subject = ?")
                .param(subject)
                .query(Integer.class)
                .single();
    }
}
