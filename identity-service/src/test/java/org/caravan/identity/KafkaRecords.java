package org.caravan.identity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caravan.infrastructure.SharedInfrastructure;

/**
 * Raw records on the JVM's shared broker, as volunteer-service's outbox relay (or a misbehaving producer) writes
 * them, and a watcher of a topic from its beginning. The services' tests have the same in the platform's
 * {@code TopicProbe}; this provider's tests do not depend on the reactive platform.
 */
public final class KafkaRecords implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private KafkaRecords(KafkaConsumer<String, byte[]> consumer) {
        this.consumer = consumer;
    }

    /** Watches the topic from its beginning, in a consumer group of its own. */
    public static KafkaRecords watch(String topic) {
        Map<String, Object> settings = Map.of(
                "bootstrap.servers",
                servers(),
                "group.id",
                "identity-test-" + UUID.randomUUID(),
                "auto.offset.reset",
                "earliest");
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return new KafkaRecords(consumer);
    }

    /** Polls until a record matches, failing after the timeout. */
    public ConsumerRecord<String, byte[]> await(Predicate<ConsumerRecord<String, byte[]>> matching, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            var found = seen.stream().filter(matching).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            consumer.poll(Duration.ofMillis(250)).forEach(seen::add);
        }
        throw new AssertionError("No matching record within " + timeout + "; saw " + seen.size());
    }

    /** Everything received so far, after polling for the window. */
    public List<ConsumerRecord<String, byte[]>> collectFor(Duration window) {
        Instant deadline = Instant.now().plus(window);
        while (Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(250)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Sends one record with the given headers and waits until the broker has it. */
    public static void send(String topic, String key, byte[] value, Map<String, String> headers) {
        Map<String, Object> settings = Map.of("bootstrap.servers", servers());
        try (var producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer())) {
            var record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    private static String servers() {
        return SharedInfrastructure.get().kafkaBootstrapServers();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
