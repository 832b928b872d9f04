package org.caravan.platform.messaging;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * The settings every producer of Caravan's own records shares (the outbox relay, a dead letter's replay): fully
 * acknowledged, idempotent sends of byte values, so a retried send neither duplicates nor reorders a record. Each
 * caller adds its key serializer and its own timeouts.
 */
public final class IdempotentProducers {

    private IdempotentProducers() {}

    public static Map<String, Object> settings(KafkaProperties kafka, String clientId) {
        Map<String, Object> settings = new HashMap<>(kafka.buildProducerProperties());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return settings;
    }
}
