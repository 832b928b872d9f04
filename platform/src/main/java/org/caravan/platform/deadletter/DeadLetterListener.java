package org.caravan.platform.deadletter;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Reads this service's dead-letter topics, in a consumer group of its own shared by its replicas, and stores each
 * record as a dead letter before its offset is committed. A record that cannot be stored (the database away) is
 * tried again until it is: a dead letter is never skipped. Reads from the earliest record the first time, so what
 * was dead-lettered before this group existed waits too.
 */
class DeadLetterListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterListener.class);
    private static final Duration LONGEST_CAPTURE = Duration.ofSeconds(30);

    private final KafkaMessageListenerContainer<byte[], byte[]> container;

    DeadLetterListener(
            Set<String> topics,
            String group,
            Map<String, Object> consumerSettings,
            DeadLetters deadLetters,
            DeadLetterBacklog backlog) {
        if (topics.isEmpty()) {
            container = null;
            return;
        }
        Map<String, Object> settings = new HashMap<>(consumerSettings);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        ContainerProperties properties = new ContainerProperties(topics.toArray(String[]::new));
        properties.setAckMode(ContainerProperties.AckMode.RECORD);
        properties.setMessageListener((MessageListener<byte[], byte[]>) (ConsumerRecord<byte[], byte[]> record) -> {
            CapturedRecord captured = CapturedRecord.from(record);
            Boolean stored;
            try {
                stored = deadLetters.capture(captured).block(LONGEST_CAPTURE);
            } catch (RuntimeException e) {
                log.warn(
                        "Capturing the dead letter {}-{}@{} failed; it is tried again",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        e);
                throw e;
            }
            if (Boolean.TRUE.equals(stored)) {
                log.warn(
                        "A record of {} was dead-lettered ({}, {}-{}@{}); it waits for an operator: GET /api/dead-letters",
                        captured.originalTopic(),
                        captured.exceptionClass(),
                        record.topic(),
                        record.partition(),
                        record.offset());
                backlog.measureSoon();
            }
        });
        container = new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(settings), properties);
        container.setCommonErrorHandler(
                new DefaultErrorHandler(new FixedBackOff(1000, FixedBackOff.UNLIMITED_ATTEMPTS)));
        container.setBeanName("dead-letter-listener");
    }

    @Override
    public void start() {
        if (container != null) {
            container.start();
        }
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return container != null && container.isRunning();
    }
}
