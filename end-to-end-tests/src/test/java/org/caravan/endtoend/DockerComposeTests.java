package org.caravan.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.caravan.infrastructure.CaravanService;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** docker-compose.yml describes the same system the local run starts: same services, ports and databases. */
class DockerComposeTests {

    private final JsonNode compose =
            new YAMLMapper().readTree(Path.of("../docker-compose.yml").toFile());

    @Test
    void describesPostgresKafkaAndEveryService() {
        assertThat(compose.path("services").propertyNames())
                .contains("postgres", "kafka")
                .containsAll(
                        CaravanService.ALL.stream().map(CaravanService::name).toList());
    }

    @Test
    void eachServiceGetsItsOwnDatabaseTheBrokerAndTheTokenKeyFromTheEnvironment() {
        for (CaravanService service : CaravanService.ALL) {
            JsonNode environment = compose.path("services").path(service.name()).path("environment");
            assertThat(environment.path("CARAVAN_DATABASE_HOST").asString()).isEqualTo("postgres");
            assertThat(environment.path("CARAVAN_DATABASE_NAME").asString()).isEqualTo(service.database());
            assertThat(environment.path("CARAVAN_KAFKA_BOOTSTRAP_SERVERS").asString())
                    .isEqualTo("kafka:9092");
            assertThat(environment.path("CARAVAN_SECURITY_PUBLIC_KEY_LOCATION").asString())
                    .startsWith("file:");
        }
    }

    @Test
    void servicesPublishTheirDocumentedPorts() {
        for (CaravanService service : CaravanService.ALL) {
            assertThat(compose.path("services")
                            .path(service.name())
                            .path("ports")
                            .valueStream()
                            .map(JsonNode::asString))
                    .contains(
                            service.httpPort() + ":" + service.httpPort(),
                            service.managementPort() + ":" + service.managementPort());
        }
    }

    @Test
    void kafkaRunsInKraftModeWithoutZooKeeper() {
        JsonNode kafka = compose.path("services").path("kafka").path("environment");
        assertThat(kafka.path("KAFKA_PROCESS_ROLES").asString()).isEqualTo("broker,controller");
        assertThat(compose.path("services").has("zookeeper")).isFalse();
    }
}
