package org.caravan.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes raw records on the real broker, as another service or a misbehaving producer would. */
public final class TopicProbe implements AutoCloseable {

    /** As the services create them (caravan.kafka.partitions defaults to 3). */
    private static final int PARTITIONS = 3;

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private TopicProbe(KafkaConsumer<String, byte[]> consumer) {
        this.consumer = consumer;
    }

    /** Watches the topic from its beginning, in a consumer group of its own. */
    public static TopicProbe watch(String topic) {
        Map<String, Object> settings = Map.of(
                "bootstrap.servers",
                TestInfrastructure.infrastructure().kafkaBootstrapServers(),
                "group.id",
                "probe-" + UUID.randomUUID(),
                "auto.offset.reset",
                "earliest");
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return new TopicProbe(consumer);
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

    /**
     * Everything received so far. After {@link #await} has found a fence (a later record on the same key, so on the
     * same partition), this holds every earlier record of that key: a partition is read in order.
     */
    public List<ConsumerRecord<String, byte[]>> seen() {
        return List.copyOf(seen);
    }

    /** Everything received within the window, for asserting what did not arrive. */
    public List<ConsumerRecord<String, byte[]>> collectFor(Duration window) {
        Instant deadline = Instant.now().plus(window);
        while (Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(250)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    private static void createIfMissing(String servers, String topic) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create " + topic, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Sends a record with the given headers, as the outbox relay of another service would. */
    public static void send(String topic, String key, byte[] value, Map<String, String> headers) {
        Map<String, Object> settings =
                Map.of("bootstrap.servers", TestInfrastructure.infrastructure().kafkaBootstrapServers());
        try (var producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer())) {
            var record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
