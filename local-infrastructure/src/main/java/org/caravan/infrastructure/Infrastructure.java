package org.caravan.infrastructure;

import java.util.LinkedHashMap;
import java.util.Map;

/** The servers Caravan needs: one PostgreSQL server holding a database per service, and a Kafka broker. */
public interface Infrastructure extends AutoCloseable {

    String postgresHost();

    int postgresPort();

    void createDatabase(String name);

    String kafkaBootstrapServers();

    @Override
    void close();

    /**
     * The settings a service reads to reach its own database and the broker, as Spring property names; the
     * same names as environment variables (CARAVAN_DATABASE_HOST...) configure a container.
     */
    default Map<String, String> serviceProperties(String database) {
        createDatabase(database);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("caravan.database.host", postgresHost());
        properties.put("caravan.database.port", String.valueOf(postgresPort()));
        properties.put("caravan.database.name", database);
        properties.put("caravan.database.username", PostgresServer.USER);
        properties.put("caravan.database.password", PostgresServer.PASSWORD);
        properties.put("caravan.kafka.bootstrap-servers", kafkaBootstrapServers());
        return properties;
    }
}
