package org.caravan.benchmark;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the broker does alone with records of the events' size, producer settings as the outbox relay's (all
 * replicas acknowledge, idempotent, 5 ms linger); and what the relay does with the same broker.
 */
final class KafkaBaseline {

    /** Records per second acknowledged to the producer, records per second through to a consumer, latency. */
    record Result(double producedPerSecond, double consumedPerSecond, Latencies latency) {}

    private final String bootstrap;
    private final int partitions;

    KafkaBaseline(String bootstrap, int partitions) {
        this.bootstrap = bootstrap;
        this.partitions = partitions;
    }

    /** As fast as the producer goes for the throughput, then at a fixed rate for the latency. */
    Result measure(byte[] payload, int records, double latencyRate) {
        Flow flat = flow(payload, records, 0);
        Flow paced = flow(payload, (int) (latencyRate * 5), latencyRate);
        return new Result(
                records / flat.producedSeconds, records / flat.consumedSeconds, Latencies.of(paced.latencies));
    }

    /** Outbox rows written straight into the service's table, timed until the relay has stamped them all sent. */
    double relayPerSecond(Connection outboxDatabase, byte[] payload, int rows) throws SQLException {
        String topic = topic("benchmark-relay");
        outboxDatabase.setAutoCommit(false);
        try (PreparedStatement insert = outboxDatabase.prepareStatement(
                """
                insert into outbox_event (event_id, aggregate_type, aggregate_id, event_type, topic, payload)
                values (?, 'benchmark', ?, 'org.caravan.benchmark.relayed.v1', ?, ?::jsonb)
                """)) {
            for (int row = 0; row < rows; row++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, UUID.randomUUID().toString());
                insert.setString(3, topic);
                insert.setString(4, new String(payload, java.nio.charset.StandardCharsets.UTF_8));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        outboxDatabase.commit();
        outboxDatabase.setAutoCommit(true);
        while (pending(outboxDatabase, topic) > 0) {
            Pause.of(Duration.ofMillis(20));
        }
        // From the relay's first batch (not from the commit: the relay was not woken, it found them at a poll).
        Instant done = Instant.now();
        return rows
                / (Duration.between(firstRelayed(outboxDatabase, topic), done).toNanos() / 1e9);
    }

    private static Instant firstRelayed(Connection database, String topic) throws SQLException {
        try (PreparedStatement first =
                database.prepareStatement("select min(published_at) from outbox_event where topic = ?")) {
            first.setString(1, topic);
            try (ResultSet rows = first.executeQuery()) {
                rows.next();
                return rows.getTimestamp(1).toInstant();
            }
        }
    }

    private static long pending(Connection database, String topic) throws SQLException {
        try (PreparedStatement count = database.prepareStatement(
                "select count(*) from outbox_event where topic = ? and published_at is null")) {
            count.setString(1, topic);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private record Flow(double producedSeconds, double consumedSeconds, List<Double> latencies) {}

    /** Sends {@code records} (at {@code perSecond}, or flat out when 0) and consumes them all. */
    private Flow flow(byte[] payload, int records, double perSecond) {
        String topic = topic("benchmark-raw");
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Long> consumed = CompletableFuture.supplyAsync(() -> consume(topic, records, latencies));
        Pause.of(Duration.ofSeconds(1));
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            long interval = perSecond > 0 ? (long) (1e9 / perSecond) : 0;
            for (int n = 0; n < records; n++) {
                if (interval > 0) {
                    LockSupport.parkNanos(start + n * interval - System.nanoTime());
                }
                ProducerRecord<String, byte[]> record =
                        new ProducerRecord<>(topic, UUID.randomUUID().toString(), payload);
                record.headers()
                        .add(
                                "sent",
                                ByteBuffer.allocate(8)
                                        .putLong(System.nanoTime())
                                        .array());
                producer.send(record);
            }
            producer.flush();
        }
        double produced = (System.nanoTime() - start) / 1e9;
        double all = (consumed.orTimeout(5, TimeUnit.MINUTES).join() - start) / 1e9;
        return new Flow(produced, all, latencies);
    }

    /** Reads the topic from the start until {@code records} arrived; returns when the last one did. */
    private long consume(String topic, int records, List<Double> latencies) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers",
                bootstrap,
                "key.deserializer",
                StringDeserializer.class,
                "value.deserializer",
                ByteArrayDeserializer.class,
                "fetch.min.bytes",
                1))) {
            List<TopicPartition> all = IntStream.range(0, partitions)
                    .mapToObj(p -> new TopicPartition(topic, p))
                    .toList();
            consumer.assign(all);
            consumer.seekToBeginning(all);
            int seen = 0;
            long last = System.nanoTime();
            while (seen < records) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    last = System.nanoTime();
                    long sent = ByteBuffer.wrap(
                                    record.headers().lastHeader("sent").value())
                            .getLong();
                    latencies.add((last - sent) / 1e6);
                    seen++;
                }
            }
            return last;
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                5));
    }

    private String topic(String prefix) {
        String name = prefix + "-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create " + name, e);
        }
        return name;
    }
}
