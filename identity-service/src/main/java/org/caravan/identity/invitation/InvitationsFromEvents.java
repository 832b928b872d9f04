package org.caravan.identity.invitation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
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
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Kafka side of invitations from events: one consumer (group {@code identity-service}) of {@code
 * caravan.volunteers.v1} and {@code caravan.donors.v1}, handing each record to the consumers of its topic ({@link
 * VolunteerRegistrations}, {@link VolunteerContactChanges}, {@link DonorLiaisons}), with the services' dead-letter convention: a poison record (or an
 * account the event cannot create, such as an address another account uses) goes straight to {@code
 * error.<topic>.identity-service}, any other failure after three retries (200 ms doubling to 2 s, as the platform's
 * binder does), with the failure in {@code x-exception-*} and {@code x-original-*} headers beside the original ones;
 * the partition then moves on. Off with {@code caravan.identity.invitations-from-events.enabled=false}: nothing here
 * then connects to Kafka.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "caravan.identity.invitations-from-events.enabled", matchIfMissing = true)
class InvitationsFromEvents {

    static final List<String> TOPICS = List.of(Topic.VOLUNTEERS.name(), Topic.DONORS.name());

    /** Where the consumer's poison records of the topic go, as the services name them. */
    static String deadLetters(String topic) {
        return "error." + topic + "." + InvitingConsumer.CONSUMER;
    }

    @Bean
    VolunteerRegistrations volunteerRegistrations(
            ProcessedEvents processed, Invitations invitations, TransactionTemplate transactions) {
        return new VolunteerRegistrations(processed, invitations, transactions);
    }

    @Bean
    VolunteerContactChanges volunteerContactChanges(
            ProcessedEvents processed, Invitations invitations, TransactionTemplate transactions) {
        return new VolunteerContactChanges(processed, invitations, transactions);
    }

    @Bean
    DonorLiaisons donorLiaisons(ProcessedEvents processed, Invitations invitations, TransactionTemplate transactions) {
        return new DonorLiaisons(processed, invitations, transactions);
    }

    /**
     * The topics in the services' layout, should this provider start before them, and their dead-letter topics (one
     * partition, as the binder makes them).
     */
    @Bean
    KafkaAdmin.NewTopics invitationTopics(
            @Value("${caravan.kafka.partitions}") int partitions,
            @Value("${caravan.kafka.replication-factor}") int replicas) {
        return new KafkaAdmin.NewTopics(TOPICS.stream()
                .flatMap(topic -> Stream.of(
                        TopicBuilder.name(topic)
                                .partitions(partitions)
                                .replicas(replicas)
                                .build(),
                        TopicBuilder.name(deadLetters(topic))
                                .partitions(1)
                                .replicas(replicas)
                                .build()))
                .toArray(NewTopic[]::new));
    }

    @Bean
    DefaultKafkaProducerFactory<String, byte[]> deadLetterProducerFactory(KafkaProperties kafka) {
        return new DefaultKafkaProducerFactory<>(
                kafka.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    KafkaTemplate<String, byte[]> deadLetterTemplate(DefaultKafkaProducerFactory<String, byte[]> producers) {
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(producers);
        // A dead letter carries the trace of the consumption that gave up on it.
        template.setObservationEnabled(true);
        return template;
    }

    /** One container for both topics: one consumer group, each record to the consumers of its topic. */
    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> invitationsFromEventsContainer(
            KafkaProperties kafka, List<InvitingConsumer<?>> listeners, KafkaTemplate<String, byte[]> deadLetters) {
        Map<String, List<MessageListener<String, byte[]>>> byTopic = new HashMap<>();
        listeners.forEach(listener -> byTopic.computeIfAbsent(listener.topic(), topic -> new ArrayList<>())
                .add(listener));
        if (!byTopic.keySet().equals(Set.copyOf(TOPICS))) {
            throw new IllegalStateException(
                    "Invitations from events read " + TOPICS + ", consumers for " + byTopic.keySet());
        }
        Map<String, Object> settings = new HashMap<>(kafka.buildConsumerProperties());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, InvitingConsumer.CONSUMER);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group starts at the oldest record the topics keep: people registered before this provider first ran
        // are invited too (each once). SPRING_KAFKA_CONSUMER_AUTO_OFFSET_RESET=latest says otherwise.
        settings.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        DefaultKafkaConsumerFactory<String, byte[]> consumers =
                new DefaultKafkaConsumerFactory<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        ContainerProperties properties = new ContainerProperties(TOPICS.toArray(String[]::new));
        properties.setGroupId(InvitingConsumer.CONSUMER);
        properties.setAckMode(ContainerProperties.AckMode.RECORD);
        // Each record is an observation continuing the traceparent its publisher's relay wrote: the invitation's log
        // lines name the registration's trace.
        properties.setObservationEnabled(true);
        properties.setMessageListener((MessageListener<String, byte[]>)
                // Each consumer reads its own event type and skips the others.
                record -> byTopic.get(record.topic()).forEach(listener -> listener.onMessage(record)));
        ConcurrentMessageListenerContainer<String, byte[]> container =
                new ConcurrentMessageListenerContainer<>(consumers, properties);
        container.setBeanName("invitationsFromEvents");
        container.setCommonErrorHandler(errorHandler(deadLetters));
        return container;
    }

    static DefaultErrorHandler errorHandler(KafkaTemplate<String, byte[]> deadLetters) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                deadLetters, (record, failure) -> new TopicPartition(deadLetters(record.topic()), 0));
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
