package org.caravan.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class SharedInfrastructureIntegrationTests {

    private final Infrastructure infrastructure = SharedInfrastructure.get();

    @Test
    void eachServiceGetsItsOwnRealPostgresDatabase() throws Exception {
        Map<String, String> settings = infrastructure.serviceProperties("sample_service");
        String url = "jdbc:postgresql://" + settings.get("caravan.database.host") + ":"
                + settings.get("caravan.database.port") + "/sample_service";
        try (var connection = DriverManager.getConnection(url, "caravan", "caravan")) {
            var result = connection.createStatement().executeQuery("select current_database(), version()");
            result.next();
            assertThat(result.getString(1)).isEqualTo("sample_service");
            assertThat(result.getString(2)).startsWith("PostgreSQL");
        }
    }

    @Test
    void creatingADatabaseTwiceKeepsTheFirst() {
        infrastructure.createDatabase("twice_created");
        infrastructure.createDatabase("twice_created");
        assertThat(infrastructure.serviceProperties("twice_created"))
                .containsEntry("caravan.database.name", "twice_created");
    }

    @Test
    void theKafkaBrokerCarriesARecordFromProducerToConsumer() throws Exception {
        String topic = "infrastructure-check-" + UUID.randomUUID();
        Map<String, Object> common = Map.of("bootstrap.servers", infrastructure.kafkaBootstrapServers());
        try (Admin admin = Admin.create(common)) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        try (var producer = new KafkaProducer<>(common, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "visit-1", "scheduled")).get();
        }
        Map<String, Object> consumerSettings = Map.of(
                "bootstrap.servers", infrastructure.kafkaBootstrapServers(),
                "group.id", "infrastructure-check",
                "auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(consumerSettings, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            for (int polls = 0; polls < 30 && records.isEmpty(); polls++) {
                records = consumer.poll(Duration.ofSeconds(1));
            }
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("visit-1");
                assertThat(r.value()).isEqualTo("scheduled");
            });
        }
    }
}
