package org.caravan.platform.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.caravan.platform.messaging.IdempotentProducers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Each service captures the records its own consumer bindings dead-letter into its own database, where operators
 * list, replay and discard them through its API ({@link DeadLetterController}), and gauges count the waiting ones.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
            "org.caravan.platform.outbox.OutboxConfiguration",
            "org.caravan.platform.time.ClockConfiguration"
        })
@ConditionalOnClass(BindingServiceProperties.class)
@EnableConfigurationProperties(DeadLetterProperties.class)
@Import(DeadLetterController.class)
public class DeadLetterConfiguration {

    @Bean
    DeadLetters deadLetters(DatabaseClient database, ReactiveTransactionManager transactionManager, Clock clock) {
        return new DeadLetters(database, TransactionalOperator.create(transactionManager), clock);
    }

    @Bean
    DeadLetterBacklog deadLetterBacklog(
            DeadLetters deadLetters, Clock clock, DeadLetterProperties properties, MeterRegistry meters) {
        return new DeadLetterBacklog(deadLetters, clock, properties.measureInterval(), meters);
    }

    /** The binder creates a dead-letter topic on first use; created here, the listener reads it from the start. */
    @Bean
    KafkaAdmin.NewTopics caravanDeadLetterTopics(
            BindingServiceProperties bindings,
            Environment environment,
            @Value("${spring.cloud.stream.kafka.default.consumer.dlq-partitions:1}") int partitions,
            @Value("${caravan.kafka.replication-factor}") int replicas) {
        return new KafkaAdmin.NewTopics(DeadLetterTopics.of(bindings, environment).stream()
                .map(topic -> TopicBuilder.name(topic)
                        .partitions(partitions)
                        .replicas(replicas)
                        .build())
                .toArray(NewTopic[]::new));
    }

    @Bean
    DeadLetterListener deadLetterListener(
            BindingServiceProperties bindings,
            Environment environment,
            DeadLetterProperties properties,
            KafkaProperties kafka,
            DeadLetters deadLetters,
            DeadLetterBacklog backlog) {
        Set<String> topics = DeadLetterTopics.of(bindings, environment);
        return new DeadLetterListener(
                topics, properties.group(), kafka.buildConsumerProperties(), deadLetters, backlog);
    }

    /** Idempotent, fully acknowledged sends, as the outbox relay's: a retried replay is not sent twice. */
    @Bean
    Redelivery deadLetterRedelivery(KafkaProperties kafka, @Value("${spring.application.name}") String source) {
        Map<String, Object> settings = IdempotentProducers.settings(kafka, source + "-dead-letter-replay");
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new Redelivery(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(settings)));
    }
}
