package org.caravan.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `./caravan run` promises: stop it, start it again, and the data is still there. */
class DurableInfrastructureIntegrationTests {

    @TempDir
    Path folder;

    @Test
    void databaseRowsAndKafkaRecordsSurviveARestart() throws Exception {
        folder.toFile().setExecutable(true, false);
        var ports = EmbeddedInfrastructure.Ports.free();
        try (var first = EmbeddedInfrastructure.start(folder, ports, true)) {
            first.createDatabase("durable_check");
            execute(first, "create table visit (title text); insert into visit values ('Dandelion School')");
            produce(first, "visit-1", "scheduled");
        }

        try (var second = EmbeddedInfrastructure.start(folder, ports, true)) {
            try (var connection = DriverManager.getConnection(url(second), "caravan", "caravan")) {
                var rows = connection.createStatement().executeQuery("select title from visit");
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("Dandelion School");
            }
            assertThat(consumeAll(second)).containsExactly("scheduled");
        }
    }

    private static void execute(Infrastructure infrastructure, String sql) throws Exception {
        try (var connection = DriverManager.getConnection(url(infrastructure), "caravan", "caravan")) {
            connection.createStatement().execute(sql);
        }
    }

    private static String url(Infrastructure infrastructure) {
        return "jdbc:postgresql://127.0.0.1:" + infrastructure.postgresPort() + "/durable_check";
    }

    private static void produce(Infrastructure infrastructure, String key, String value) throws Exception {
        Map<String, Object> settings = Map.of("bootstrap.servers", infrastructure.kafkaBootstrapServers());
        try (var producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("durable-check", key, value)).get();
        }
    }

    private static List<String> consumeAll(Infrastructure infrastructure) {
        Map<String, Object> settings = Map.of(
                "bootstrap.servers", infrastructure.kafkaBootstrapServers(),
                "group.id", "durable-check",
                "auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("durable-check"));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            for (int polls = 0; polls < 40 && records.isEmpty(); polls++) {
                records = consumer.poll(Duration.ofMillis(500));
            }
            return java.util.stream.StreamSupport.stream(records.spliterator(), false)
                    .map(r -> r.value())
                    .toList();
        }
    }
}
