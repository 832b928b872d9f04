package org.caravan.infrastructure;

import java.nio.file.Path;

/** PostgreSQL and Kafka started by this JVM from the project's own code: no Docker needed. */
public final class EmbeddedInfrastructure implements Infrastructure {

    private final PostgresServer postgres;
    private final KafkaBroker kafka;

    private EmbeddedInfrastructure(PostgresServer postgres, KafkaBroker kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /** Servers in the folder on the given ports; durable ones keep their data across restarts. */
    public static EmbeddedInfrastructure start(Path directory, Ports ports, boolean durable) {
        PostgresServer postgres = PostgresServer.start(directory.resolve("postgres"), ports.postgres(), durable);
        try {
            KafkaBroker kafka =
                    KafkaBroker.start(directory.resolve("kafka"), ports.kafka(), ports.kafkaController(), durable);
            return new EmbeddedInfrastructure(postgres, kafka);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    @Override
    public String postgresHost() {
        return "127.0.0.1";
    }

    @Override
    public int postgresPort() {
        return postgres.port();
    }

    @Override
    public void createDatabase(String name) {
        postgres.createDatabase(name);
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public void close() {
        kafka.close();
        postgres.close();
    }

    /** The ports the servers listen on, on the loopback interface only. */
    public record Ports(int postgres, int kafka, int kafkaController) {

        public static Ports free() {
            return new Ports(FreePorts.next(), FreePorts.next(), FreePorts.next());
        }
    }
}
