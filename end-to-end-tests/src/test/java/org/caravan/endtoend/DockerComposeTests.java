package org.caravan.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.utils.AppInfoParser;
import org.caravan.infrastructure.CaravanService;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * docker-compose.yml describes the same system the local run starts: same services, ports and databases, every
 * setting taken from the environment with a working default, except the secrets, which have none. The container tests run it for real.
 */
class DockerComposeTests {

    private static final Pattern VARIABLE_WITH_DEFAULT = Pattern.compile("\\$\\{(\\w+):-([^}]*)}");

    private final JsonNode compose =
            new YAMLMapper().readTree(Path.of("../docker-compose.yml").toFile());

    @Test
    void describesPostgresKafkaTheGatewayAndEveryService() {
        assertThat(compose.path("services").propertyNames())
                .contains("postgres", "kafka", "gateway")
                .containsAll(
                        CaravanService.ALL.stream().map(CaravanService::name).toList());
    }

    @Test
    void eachServiceGetsItsOwnDatabaseTheBrokerAndTheTokenKeyByDefault() {
        for (CaravanService service : CaravanService.ALL) {
            JsonNode environment = service(service).path("environment");
            assertThat(byDefault(environment.path("CARAVAN_DATABASE_HOST"))).isEqualTo("postgres");
            assertThat(byDefault(environment.path("CARAVAN_DATABASE_NAME"))).isEqualTo(service.database());
            assertThat(byDefault(environment.path("CARAVAN_KAFKA_BOOTSTRAP_SERVERS")))
                    .isEqualTo("kafka:9092");
            assertThat(byDefault(environment.path("CARAVAN_SECURITY_PUBLIC_KEY_LOCATION")))
                    .startsWith("file:");
        }
    }

    @Test
    void operatorsCanOverrideTheEndpointsAndSecretsOfEveryService() {
        for (CaravanService service : CaravanService.ALL) {
            JsonNode environment = service(service).path("environment");
            for (String setting : new String[] {
                "CARAVAN_DATABASE_HOST",
                "CARAVAN_DATABASE_PORT",
                "CARAVAN_DATABASE_USERNAME",
                "CARAVAN_DATABASE_PASSWORD",
                "CARAVAN_KAFKA_BOOTSTRAP_SERVERS",
                "CARAVAN_KAFKA_PARTITIONS"
            }) {
                assertThat(environment.path(setting).asString())
                        .as(service.name() + " " + setting)
                        .matches(VARIABLE_WITH_DEFAULT);
            }
        }
    }

    @Test
    void theSecretsHaveNoDefaultSoAnOperatorMustSetThem() {
        Pattern required = Pattern.compile("\\$\\{(\\w+):\\?[^}]+}");
        JsonNode volunteers = service(CaravanService.named("volunteer-service")).path("environment");
        JsonNode notifications =
                service(CaravanService.named("notification-service")).path("environment");
        for (JsonNode secret : new JsonNode[] {
            volunteers.path("CARAVAN_ANSWER_LINKS_SECRET"),
            notifications.path("CARAVAN_ANSWER_LINKS_SECRET"),
            notifications.path("CARAVAN_NOTIFICATION_WEBHOOK_SECRET")
        }) {
            assertThat(secret.asString()).matches(required);
        }
        assertThat(compose.toString()).doesNotContainIgnoringCase("change-me");
    }

    @Test
    void infrastructureImagesAreOverridableAndKafkaMatchesTheProjectsKafkaVersion() {
        for (String infrastructure : new String[] {"postgres", "kafka", "gateway"}) {
            assertThat(compose.path("services")
                            .path(infrastructure)
                            .path("image")
                            .asString())
                    .matches(VARIABLE_WITH_DEFAULT);
        }
        assertThat(byDefault(compose.path("services").path("kafka").path("image")))
                .isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
    }

    @Test
    void onlyTheGatewayPublishesPortsOneDocumentedPortPerService() throws IOException {
        JsonNode gateway = compose.path("services").path("gateway");
        String gatewayConfiguration = Files.readString(
                Path.of("..").resolve(gateway.path("volumes").get(0).asString().split(":")[0]));
        for (CaravanService service : CaravanService.ALL) {
            assertThat(service(service).has("ports")).as(service.name()).isFalse();
            assertThat(gateway.path("ports").valueStream().map(DockerComposeTests::byDefault))
                    .contains(service.httpPort() + ":" + service.httpPort());
            assertThat(gatewayConfiguration)
                    .containsPattern(
                            "listen " + service.httpPort() + ";[^}]*set \\$replicas " + service.name() + ":8080;");
        }
    }

    @Test
    void servicesAreBuiltFromTheProjectsDockerfileOnAPublicJreByDefault() {
        for (CaravanService service : CaravanService.ALL) {
            JsonNode build = service(service).path("build");
            assertThat(build.path("args").path("SERVICE").asString()).isEqualTo(service.name());
            assertThat(byDefault(build.path("args").path("JRE_IMAGE"))).isEqualTo("eclipse-temurin:17-jre");
            assertThat(Path.of("..").resolve(build.path("dockerfile").asString()))
                    .exists();
        }
    }

    @Test
    void kafkaRunsInKraftModeWithoutZooKeeper() {
        JsonNode kafka = compose.path("services").path("kafka").path("environment");
        assertThat(kafka.path("KAFKA_PROCESS_ROLES").asString()).isEqualTo("broker,controller");
        assertThat(compose.path("services").has("zookeeper")).isFalse();
    }

    private JsonNode service(CaravanService service) {
        return compose.path("services").path(service.name());
    }

    /** The value docker-compose uses when the operator sets nothing: each ${NAME:-default} becomes its default. */
    private static String byDefault(JsonNode value) {
        Matcher variable = VARIABLE_WITH_DEFAULT.matcher(value.asString());
        return variable.replaceAll(match -> Matcher.quoteReplacement(match.group(2)));
    }
}
