package org.caravan.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class AsyncApiDocumentTests {

    private final JsonNode document = read();

    @Test
    void everyCatalogedEventIsDocumentedWithExactlyItsRecordFields() {
        for (EventType<?> type : EventCatalog.all()) {
            JsonNode message = messageNamed(type.name());
            assertThat(message).as("message for %s", type.name()).isNotNull();
            Set<String> documented = propertyNames(message.path("payload").path("properties"));
            Set<String> recordFields = Arrays.stream(type.payloadType().getRecordComponents())
                    .map(RecordComponent::getName)
                    .collect(Collectors.toSet());
            assertThat(documented).as("payload of %s", type.name()).isEqualTo(recordFields);
        }
    }

    @Test
    void documentDescribesNoEventThatIsNotCataloged() {
        List<String> documented = new ArrayList<>();
        document.path("components")
                .path("messages")
                .forEach(m -> documented.add(m.path("name").asString()));
        assertThat(documented)
                .containsExactlyInAnyOrderElementsOf(
                        EventCatalog.all().stream().map(EventType::name).toList());
    }

    @Test
    void everyTopicIsAChannel() {
        List<String> addresses = new ArrayList<>();
        document.path("channels").forEach(c -> addresses.add(c.path("address").asString()));
        assertThat(addresses)
                .containsExactlyInAnyOrderElementsOf(
                        EventCatalog.topics().stream().map(Topic::name).toList());
    }

    private JsonNode messageNamed(String name) {
        for (JsonNode message : document.path("components").path("messages")) {
            if (message.path("name").asString().equals(name)) {
                return message;
            }
        }
        return null;
    }

    private static Set<String> propertyNames(JsonNode properties) {
        return properties.propertyNames().stream().collect(Collectors.toSet());
    }

    private static JsonNode read() {
        try (InputStream in = AsyncApiDocumentTests.class.getResourceAsStream("/asyncapi.yaml")) {
            return new YAMLMapper().readTree(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
