package org.caravan.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caravan.platform.messaging.IdempotentProducers;
import org.caravan.platform.scheduling.Housekeeping;
import org.caravan.platform.tracing.TracePropagation;
import org.caravan.platform.tracing.TracingConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

@AutoConfiguration(
        after = TracingConfiguration.class,
        afterName = {
            "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
            "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
            "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration"
        })
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    /**
     * Boot's R2DBC transaction manager did not match here: its single-connection-factory condition was
     * evaluated before the factory existed. This fallback only applies when no manager is defined.
     */
    @Bean
    @ConditionalOnMissingBean(ReactiveTransactionManager.class)
    R2dbcTransactionManager transactionManager(ConnectionFactory connectionFactory) {
        return new R2dbcTransactionManager(connectionFactory);
    }

    /** Sent events are kept for a while for inspection and replay, then deleted. */
    @Bean
    Housekeeping.Chore sentOutboxEvents(DatabaseClient database, OutboxProperties properties) {
        return Housekeeping.deleteOlderThan(database, "outbox_event", "published_at", properties.retention());
    }

    @Bean
    Outbox outbox(DatabaseClient database, TracePropagation traces, OutboxRelay relay) {
        return new Outbox(database, traces, relay::wakeUp);
    }

    @Bean
    OutboxRelay outboxRelay(
            DatabaseClient database,
            ReactiveTransactionManager transactionManager,
            KafkaProperties kafka,
            OutboxProperties properties,
            @Value("${spring.application.name}") String source,
            MeterRegistry meters,
            TracePropagation traces) {
        return new OutboxRelay(
                database,
                TransactionalOperator.create(transactionManager),
                relayTemplate(kafka, source),
                properties,
                source,
                meters,
                traces);
    }

    /** Idempotent, fully acknowledged sends: a retried send neither duplicates nor reorders a record. */
    private static KafkaTemplate<String, byte[]> relayTemplate(KafkaProperties kafka, String source) {
        Map<String, Object> settings = IdempotentProducers.settings(kafka, source + "-outbox-relay");
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(settings));
    }
}
