package org.caravan.infrastructure;

import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The same servers in containers, for machines with a Docker engine. The images are configurable since a
 * machine without a registry needs locally built ones: CARAVAN_POSTGRES_IMAGE, CARAVAN_KAFKA_IMAGE.
 */
public final class ContainerInfrastructure implements Infrastructure {

    private final PostgreSQLContainer postgres;
    private final KafkaContainer kafka;

    private ContainerInfrastructure(PostgreSQLContainer postgres, KafkaContainer kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public static ContainerInfrastructure start() {
        PostgreSQLContainer postgres = new PostgreSQLContainer(image("CARAVAN_POSTGRES_IMAGE", "postgres:15"))
                .withUsername(PostgresServer.USER)
                .withPassword(PostgresServer.PASSWORD);
        KafkaContainer kafka =
                new KafkaContainer(image("CARAVAN_KAFKA_IMAGE", "apache/kafka:" + AppInfoParser.getVersion()));
        postgres.start();
        kafka.start();
        return new ContainerInfrastructure(postgres, kafka);
    }

    private static String image(String variable, String fallback) {
        String configured = System.getenv(variable);
        return configured == null || configured.isBlank() ? fallback : configured;
    }

    @Override
    public String postgresHost() {
        return postgres.getHost();
    }

    @Override
    public int postgresPort() {
        return postgres.getFirstMappedPort();
    }

    @Override
    public void createDatabase(String name) {
        Databases.create("jdbc:postgresql://" + postgresHost() + ":" + postgresPort() + "/postgres", name);
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public void close() {
        kafka.stop();
        postgres.stop();
    }
}
