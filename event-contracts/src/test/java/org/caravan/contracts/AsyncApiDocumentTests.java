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
            Set<String> recordFields = fieldsOf(type.payloadType());
            assertThat(documented).as("payload of %s", type.name()).isEqualTo(recordFields);
        }
    }

    @Test
    void everyRecordNestedInAnEventHasASchemaWithExactlyItsFields() {
        Set<Class<?>> nested = new java.util.LinkedHashSet<>();
        EventCatalog.all().forEach(type -> collectNestedRecords(type.payloadType(), nested));
        assertThat(nested).isNotEmpty();
        for (Class<?> record : nested) {
            JsonNode schema = document.path("components").path("schemas").path(record.getSimpleName());
            assertThat(propertyNames(schema.path("properties")))
                    .as("schema %s", record.getSimpleName())
                    .isEqualTo(fieldsOf(record));
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

    private static Set<String> fieldsOf(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toSet());
    }

    /** Records used inside a record, directly or as list elements, at any depth. */
    private static void collectNestedRecords(Class<?> record, Set<Class<?>> found) {
        for (RecordComponent component : record.getRecordComponents()) {
            Class<?> type = component.getType();
            if (List.class.isAssignableFrom(type)
                    && component.getGenericType() instanceof java.lang.reflect.ParameterizedType list) {
                type = (Class<?>) list.getActualTypeArguments()[0];
            }
            if (type.isRecord() && found.add(type)) {
                collectNestedRecords(type, found);
            }
        }
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
