package org.caravan.platform.messaging;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.caravan.contracts.EventCatalog;
import org.caravan.platform.scheduling.Housekeeping;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@AutoConfiguration(afterName = "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration")
public class MessagingConfiguration {

    @Bean
    EventConsumers eventConsumers(DatabaseClient database, ReactiveTransactionManager transactionManager) {
        return new EventConsumers(database, TransactionalOperator.create(transactionManager));
    }

    /**
     * A consumer's claim on an event must outlive any redelivery of it: Kafka keeps records for 7 days unless
     * told otherwise, so the default of 30 days leaves room for a consumer group reset to the earliest offset.
     */
    @Bean
    Housekeeping.Chore processedEvents(
            DatabaseClient database, @Value("${caravan.messaging.processed-event-retention}") Duration retention) {
        return Housekeeping.deleteOlderThan(database, "processed_event", "processed_at", retention);
    }

    /** Every service declares every topic, so whichever starts first creates them with the same layout. */
    @Bean
    KafkaAdmin.NewTopics caravanTopics(
            @Value("${caravan.kafka.partitions}") int partitions,
            @Value("${caravan.kafka.replication-factor}") int replicas) {
        return new KafkaAdmin.NewTopics(EventCatalog.topics().stream()
                .map(topic -> TopicBuilder.name(topic.name())
                        .partitions(partitions)
                        .replicas(replicas)
                        .build())
                .toArray(NewTopic[]::new));
    }

    /** Readiness includes Kafka: a service that cannot reach the broker takes no traffic. */
    @Bean
    AbstractReactiveHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
        Map<String, Object> settings = kafka.buildAdminProperties();
        return new AbstractReactiveHealthIndicator("Kafka health check failed") {
            @Override
            protected Mono<Health> doHealthCheck(Health.Builder builder) {
                return Mono.fromCallable(() -> {
                            try (Admin admin = Admin.create(settings)) {
                                var cluster = admin.describeCluster(new DescribeClusterOptions()
                                        .timeoutMs((int) Duration.ofSeconds(3).toMillis()));
                                return builder.up()
                                        .withDetail(
                                                "clusterId", cluster.clusterId().get())
                                        .withDetail(
                                                "nodes", cluster.nodes().get().size())
                                        .build();
                            }
                        })
                        .subscribeOn(Schedulers.boundedElastic());
            }
        };
    }
}
