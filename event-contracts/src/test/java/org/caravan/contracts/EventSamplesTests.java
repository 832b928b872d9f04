package org.caravan.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventSamplesTests {

    private final JsonMapper strict = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    @Test
    void everyEventVersionHasASampleThatReadsIntoItsRecordWithEveryFieldSet() throws IOException {
        for (EventType<?> type : EventCatalog.all()) {
            try (InputStream in = getClass().getResourceAsStream(type.samplePath())) {
                assertThat(in).as("sample %s", type.samplePath()).isNotNull();
                JsonNode sample = strict.readTree(in);
                Object event = strict.treeToValue(sample, type.payloadType());
                JsonNode roundTripped = strict.readTree(strict.writeValueAsString(event));
                assertThat(roundTripped)
                        .as("sample of %s survives a round trip", type.name())
                        .isEqualTo(sample);
            }
        }
    }

    @Test
    void eventTypeNamesAreVersionedAndPastTense() {
        for (EventType<?> type : EventCatalog.all()) {
            assertThat(type.name()).matches("org\\.caravan\\.[a-z-]+\\.[a-z-]+\\.v\\d+");
            assertThat(type.payloadType().getSimpleName())
                    .matches(".*(ed|edIn|edOut|Sent|Given|Made|Taken|Withdrawn|Held|Found)$");
            assertThat(type.payloadType().isRecord()).isTrue();
        }
    }
}
