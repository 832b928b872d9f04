package org.caravan.platform.deadletter;

import java.time.Duration;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

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
        // The first send to a topic waits for its metadata (up to max.block.ms): never on a request thread.
        return Mono.fromFuture(() -> template.send(record))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(LONGEST_SEND)
                .then();
    }
}
