package org.caravan.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import org.caravan.contracts.CaravanEvent;
import org.caravan.contracts.EventType;
import org.caravan.platform.EventJson;

/** The checked-in JSON sample of each event version: publishers' and consumers' tests read the same file. */
public final class EventSamples {

    private EventSamples() {}

    public static byte[] json(EventType<?> type) {
        try (InputStream in = EventType.class.getResourceAsStream(type.samplePath())) {
            if (in == null) {
                throw new IllegalStateException("No sample for " + type.name() + " at " + type.samplePath());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <E extends CaravanEvent> E event(EventType<E> type) {
        return EventJson.read(json(type), type.payloadType());
    }
}
