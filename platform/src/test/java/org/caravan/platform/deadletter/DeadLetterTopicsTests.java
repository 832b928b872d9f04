package org.caravan.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.caravan.platform.deadletter.DeadLetterTopics.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.config.BindingProperties;

class DeadLetterTopicsTests {

    private static final KafkaConsumer DEFAULT = new KafkaConsumer(true, Optional.empty());

    @Test
    void eachConsumerBindingWithAGroupHasTheBindersDeadLetterTopicForEachDestination() {
        Map<String, BindingProperties> bindings = new LinkedHashMap<>();
        bindings.put("visitEvents-in-0", binding("caravan.visits.v1", "notification-service"));
        bindings.put("mixed-in-0", binding("caravan.a.v1, caravan.b.v1", "notification-service"));

        assertThat(DeadLetterTopics.of(bindings, name -> DEFAULT))
                .containsExactlyInAnyOrder(
                        "error.caravan.visits.v1.notification-service",
                        "error.caravan.a.v1.notification-service",
                        "error.caravan.b.v1.notification-service");
    }

    @Test
    void aBindingsOwnDeadLetterNameIsUsed() {
        Map<String, BindingProperties> bindings =
                Map.of("visitEvents-in-0", binding("caravan.visits.v1", "volunteer-service"));

        assertThat(DeadLetterTopics.of(bindings, name -> new KafkaConsumer(true, Optional.of("visits.parked"))))
                .containsExactly("visits.parked");
    }

    @Test
    void anonymousOutputAndUndeadLetteredBindingsHaveNone() {
        Map<String, BindingProperties> bindings = new LinkedHashMap<>();
        bindings.put("anonymous-in-0", binding("caravan.visits.v1", null));
        bindings.put("publish-out-0", binding("caravan.visits.v1", "event-service"));
        bindings.put("quiet-in-0", binding("caravan.visits.v1", "event-service"));

        assertThat(DeadLetterTopics.of(
                        bindings,
                        name -> name.equals("quiet-in-0") ? new KafkaConsumer(false, Optional.empty()) : DEFAULT))
                .isEmpty();
    }

    private static BindingProperties binding(String destination, String group) {
        BindingProperties binding = new BindingProperties();
        binding.setDestination(destination);
        binding.setGroup(group);
        return binding;
    }
}
