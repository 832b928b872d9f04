package org.caravan.platform.deadletter;

import java.time.Duration;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/**
 * Sends a dead letter back to the topic it was consumed from: its key (so the same partition, while the topic keeps
 * its partitions), its value and its original headers, the CloudEvents id among them, so the consumer's claim on
 * that id decides whether it is applied, exactly as for any delivery.
 */
class Redelivery {

    private static final Duration LONGEST_SEND = Duration.ofSeconds(30);

    private final KafkaTemplate<byte[], byte[]> template;

    Redelivery(KafkaTemplate<byte[], byte[]> template) {
        this.template = template;
    }

    /** Completes once the broker has the record. */
    Mono<Void> send(DeadLetter deadLetter) {
        ProducerRecord<byte[], byte[]> record =
                new ProducerRecord<>(deadLetter.originalTopic(), null, deadLetter.key(), deadLetter.value());
        deadLetter.headers().forEach(header -> record.headers().add(header.name(), header.value()));
        return Mono.fromFuture(() -> template.send(record))
                .timeout(LONGEST_SEND)
                .then();
    }
}
