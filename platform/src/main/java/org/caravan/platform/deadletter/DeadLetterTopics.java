package org.caravan.platform.deadletter;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.core.env.Environment;

/**
 * The dead-letter topics of this service's own consumer bindings, named as the Kafka binder names them: the
 * binding's {@code dlq-name} if it has one, else {@code error.<destination>.<group>} for each of its destinations.
 * A binding without a group (anonymous) or with {@code enable-dlq: false} has none.
 */
final class DeadLetterTopics {

    private static final String KAFKA = "spring.cloud.stream.kafka.";

    private DeadLetterTopics() {}

    /** A consumer binding's Kafka settings that decide its dead-letter topic. */
    record KafkaConsumer(boolean enableDlq, Optional<String> dlqName) {}

    /** The part of {@code spring.cloud.stream.kafka.bindings.<name>} and {@code .default} read here. */
    record KafkaBinding(Settings consumer) {
        record Settings(Boolean enableDlq, String dlqName) {}
    }

    static Set<String> of(BindingServiceProperties bindings, Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, KafkaBinding> kafka = binder.bind(
                        KAFKA + "bindings", Bindable.mapOf(String.class, KafkaBinding.class))
                .orElse(Map.of());
        Boolean enabledByDefault = binder.bind(KAFKA + "default.consumer.enable-dlq", Boolean.class)
                .orElse(false);
        return of(bindings.getBindings(), name -> {
            KafkaBinding.Settings own =
                    kafka.get(name) == null ? null : kafka.get(name).consumer();
            boolean enabled = own == null || own.enableDlq() == null ? enabledByDefault : own.enableDlq();
            return new KafkaConsumer(enabled, Optional.ofNullable(own == null ? null : own.dlqName()));
        });
    }

    static Set<String> of(Map<String, BindingProperties> bindings, Function<String, KafkaConsumer> kafka) {
        Set<String> topics = new TreeSet<>();
        bindings.forEach((name, binding) -> {
            String group = binding.getGroup();
            if (group == null || group.isBlank() || binding.getDestination() == null || name.matches(".*-out-\\d+")) {
                return;
            }
            KafkaConsumer consumer = kafka.apply(name);
            if (!consumer.enableDlq()) {
                return;
            }
            if (consumer.dlqName().filter(dlq -> !dlq.isBlank()).isPresent()) {
                topics.add(consumer.dlqName().get());
                return;
            }
            Arrays.stream(binding.getDestination().split(","))
                    .map(String::strip)
                    .filter(destination -> !destination.isEmpty())
                    .forEach(destination -> topics.add("error." + destination + "." + group));
        });
        return topics;
    }
}
