package org.caravan.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.AppInfoParser;
import org.caravan.infrastructure.CaravanService;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * docker-compose.yml describes the same system the local run starts: the provider, the gateway and the services,
 * each with its database, every setting taken from the environment with a working default, except the secrets,
 * which have none. The container tests run it for real.
 */
class DockerComposeTests {

    private static final Pattern VARIABLE_WITH_DEFAULT = Pattern.compile("\\$\\{(\\w+):-([^}]*)}");

    private final JsonNode compose =
            new YAMLMapper().readTree(Path.of("../docker-compose.yml").toFile());

    /** The four services, the provider and the gateway: every image built from this checkout. */
    private static final List<CaravanService> BUILT = Stream.concat(
                    CaravanService.ALL.stream(), Stream.of(CaravanService.IDENTITY, CaravanService.GATEWAY))
            .toList();

    @Test
    void describesPostgresKafkaTheProviderTheGatewayAndEveryService() {
        assertThat(compose.path("services").propertyNames())
                .contains("postgres", "kafka")
                .containsAll(BUILT.stream().map(CaravanService::name).toList());
    }

    @Test
    void eachServiceGetsItsOwnDatabaseTheBrokerAndTrustsTheProviderByItsPublishedKeys() throws IOException {
        String databases = Files.readString(Path.of("../local-infrastructure/compose/create-databases.sql"));
        String issuer =
                byDefault(service(CaravanService.IDENTITY).path("environment").path("CARAVAN_IDENTITY_ISSUER"));
        assertThat(issuer).isEqualTo("http://localhost:8085");
        for (CaravanService service : Stream.concat(CaravanService.ALL.stream(), Stream.of(CaravanService.IDENTITY))
                .toList()) {
            JsonNode environment = service(service).path("environment");
            assertThat(byDefault(environment.path("CARAVAN_DATABASE_HOST"))).isEqualTo("postgres");
            assertThat(byDefault(environment.path("CARAVAN_DATABASE_NAME"))).isEqualTo(service.database());
            assertThat(databases).contains("create database " + service.database() + ";");
            assertThat(byDefault(environment.path("CARAVAN_KAFKA_BOOTSTRAP_SERVERS")))
                    .isEqualTo("kafka:9092");
        }
        for (CaravanService service : CaravanService.ALL) {
            JsonNode environment = service(service).path("environment");
            assertThat(byDefault(environment.path("CARAVAN_SECURITY_ISSUER")))
                    .as(service.name())
                    .isEqualTo(issuer);
            assertThat(byDefault(environment.path("CARAVAN_SECURITY_JWK_SET_URI")))
                    .isEqualTo("http://identity-service:8080/oauth2/jwks");
            assertThat(environment.has("CARAVAN_SECURITY_PUBLIC_KEY_LOCATION")).isFalse();
        }
        JsonNode gateway = service(CaravanService.GATEWAY).path("environment");
        assertThat(byDefault(gateway.path("CARAVAN_GATEWAY_ISSUER_URI"))).isEqualTo(issuer);
        assertThat(byDefault(gateway.path("CARAVAN_GATEWAY_ISSUER_BACK_CHANNEL_URI")))
                .isEqualTo("http://identity-service:8080");
    }

    @Test
    void operatorsCanOverrideTheEndpointsAndSecretsOfEveryService() {
        for (CaravanService service : Stream.concat(CaravanService.ALL.stream(), Stream.of(CaravanService.IDENTITY))
                .toList()) {
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
    void everyProcessBuiltHereSendsItsSpansToTheOperatorsCollectorAndNoneWithoutOne() {
        for (CaravanService service : BUILT) {
            assertThat(service(service)
                            .path("environment")
                            .path("OTEL_EXPORTER_OTLP_ENDPOINT")
                            .asString())
                    .as(service.name())
                    .isEqualTo("${OTEL_EXPORTER_OTLP_ENDPOINT:-}");
        }
    }

    @Test
    void theSecretsHaveNoDefaultSoAnOperatorMustSetThem() {
        Pattern required = Pattern.compile("\\$\\{(\\w+):\\?[^}]+}");
        JsonNode volunteers = service(CaravanService.named("volunteer-service")).path("environment");
        JsonNode notifications =
                service(CaravanService.named("notification-service")).path("environment");
        JsonNode identity = service(CaravanService.IDENTITY).path("environment");
        JsonNode gateway = service(CaravanService.GATEWAY).path("environment");
        for (JsonNode secret : new JsonNode[] {
            volunteers.path("CARAVAN_ANSWER_LINKS_SECRET"),
            notifications.path("CARAVAN_ANSWER_LINKS_SECRET"),
            notifications.path("CARAVAN_NOTIFICATION_WEBHOOK_SECRET"),
            identity.path("CARAVAN_IDENTITY_KEYS_ENCRYPTION_SECRET"),
            identity.path("CARAVAN_IDENTITY_CLIENTS_GATEWAY_SECRET"),
            identity.path("CARAVAN_IDENTITY_CLIENTS_SCRIPTS_SECRET"),
            gateway.path("CARAVAN_GATEWAY_CLIENT_SECRET")
        }) {
            assertThat(secret.asString()).matches(required);
        }
        assertThat(required.matcher(
                                gateway.path("CARAVAN_GATEWAY_CLIENT_SECRET").asString())
                        .results()
                        .map(found -> found.group(1)))
                .as("the gateway and the provider share one client secret")
                .containsExactly("CARAVAN_GATEWAY_CLIENT_SECRET");
        assertThat(compose.toString()).doesNotContainIgnoringCase("change-me");
    }

    @Test
    void infrastructureImagesAreOverridableAndKafkaMatchesTheProjectsKafkaVersion() {
        for (String infrastructure : new String[] {"postgres", "kafka"}) {
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
    void onlyTheGatewayAndTheProviderPublishPortsAndTheGatewayRoutesToEveryServiceByName() {
        for (CaravanService service : CaravanService.ALL) {
            assertThat(service(service).has("ports")).as(service.name()).isFalse();
            assertThat(byDefault(service(CaravanService.GATEWAY)
                            .path("environment")
                            .path("CARAVAN_GATEWAY_ROUTES_"
                                    + service.name().replace("-service", "").toUpperCase() + "_URI")))
                    .isEqualTo("http://" + service.name() + ":8080");
        }
        assertThat(service(CaravanService.GATEWAY).path("ports").valueStream().map(DockerComposeTests::byDefault))
                .containsExactly("8080:8080");
        assertThat(service(CaravanService.IDENTITY).path("ports").valueStream().map(DockerComposeTests::byDefault))
                .containsExactly("8085:8080");
        assertThat(byDefault(service(CaravanService.named("notification-service"))
                        .path("environment")
                        .path("CARAVAN_NOTIFICATION_ANSWER_LINK_BASE")))
                .as("answer links open at the gateway")
                .isEqualTo("http://localhost:8080");
    }

    @Test
    void everyImageIsBuiltFromTheProjectsDockerfileOnAPublicJreByDefault() throws IOException {
        String sentToTheEngine = Files.readString(Path.of("../.dockerignore"));
        for (CaravanService service : BUILT) {
            assertThat(sentToTheEngine).as("its jar reaches the build").contains("!" + service.name() + "/target/");
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
