package org.caravan.identity.invitation;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caravan.contracts.Topic;
import org.caravan.identity.account.Accounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Kafka side of invitations from events: one consumer (group {@code identity-service}) of {@code
 * caravan.volunteers.v1} handing each record to {@link VolunteerRegistrations}, with the services' dead-letter
 * convention: a poison record (or an account the event cannot create, such as an address another account uses) goes
 * straight to {@code error.caravan.volunteers.v1.identity-service}, any other failure after three retries (200 ms
 * doubling to 2 s, as the platform's binder does), with the failure in {@code x-exception-*} and {@code x-original-*}
 * headers beside the original ones; the partition then moves on. Off with {@code
 * caravan.identity.invitations-from-events.enabled=false}: nothing here then connects to Kafka.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "caravan.identity.invitations-from-events.enabled", matchIfMissing = true)
class InvitationsFromEvents {

    static final String TOPIC = Topic.VOLUNTEERS.name();
    static final String DEAD_LETTERS = "error." + TOPIC + "." + VolunteerRegistrations.CONSUMER;

    @Bean
    VolunteerRegistrations volunteerRegistrations(
            ProcessedEvents processed, Invitations invitations, TransactionTemplate transactions) {
        return new VolunteerRegistrations(processed, invitations, transactions);
    }

    /**
     * The topic in the services' layout, should this provider start before them, and its dead-letter topic (one
     * partition, as the binder makes them).
     */
    @Bean
    KafkaAdmin.NewTopics invitationTopics(
            @Value("${caravan.kafka.partitions}") int partitions,
            @Value("${caravan.kafka.replication-factor}") int replicas) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(TOPIC)
                        .partitions(partitions)
                        .replicas(replicas)
                        .build(),
                TopicBuilder.name(DEAD_LETTERS).partitions(1).replicas(replicas).build());
    }

    @Bean
    DefaultKafkaProducerFactory<String, byte[]> deadLetterProducerFactory(KafkaProperties kafka) {
        return new DefaultKafkaProducerFactory<>(
                kafka.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    KafkaTemplate<String, byte[]> deadLetterTemplate(DefaultKafkaProducerFactory<String, byte[]> producers) {
        return new KafkaTemplate<>(producers);
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> volunteerRegistrationsContainer(
            KafkaProperties kafka, VolunteerRegistrations listener, KafkaTemplate<String, byte[]> deadLetters) {
        Map<String, Object> settings = new HashMap<>(kafka.buildConsumerProperties());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, VolunteerRegistrations.CONSUMER);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group starts at the oldest record the topic keeps: people registered before this provider first ran
        // are invited too (each once). SPRING_KAFKA_CONSUMER_AUTO_OFFSET_RESET=latest says otherwise.
        settings.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        DefaultKafkaConsumerFactory<String, byte[]> consumers =
                new DefaultKafkaConsumerFactory<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        ContainerProperties properties = new ContainerProperties(TOPIC);
        properties.setGroupId(VolunteerRegistrations.CONSUMER);
        properties.setAckMode(ContainerProperties.AckMode.RECORD);
        properties.setMessageListener(listener);
        ConcurrentMessageListenerContainer<String, byte[]> container =
                new ConcurrentMessageListenerContainer<>(consumers, properties);
        container.setBeanName("volunteerRegistrations");
        container.setCommonErrorHandler(errorHandler(deadLetters));
        return container;
    }

    static DefaultErrorHandler errorHandler(KafkaTemplate<String, byte[]> deadLetters) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                deadLetters, (record, failure) -> new TopicPartition(DEAD_LETTERS, 0));
        recoverer.setHeadersFunction((record, failure) -> {
            Throwable cause = failure;
            while (cause instanceof ListenerExecutionFailedException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            Headers headers = new RecordHeaders();
            add(headers, "x-original-topic", record.topic());
            add(headers, "x-original-partition", String.valueOf(record.partition()));
            add(headers, "x-original-offset", String.valueOf(record.offset()));
            add(headers, "x-exception-fqcn", cause.getClass().getName());
            add(headers, "x-exception-message", String.valueOf(cause.getMessage()));
            return headers;
        });
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(3);
        backOff.setInitialInterval(200);
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(2000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(PoisonRecordException.class, Accounts.AccountException.class);
        return handler;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
