package org.caravan.contracts;

import java.util.List;
import java.util.Optional;
import org.caravan.contracts.visit.VisitScheduled;

/** Every event version Caravan publishes. The AsyncAPI document is checked against this list. */
public final class EventCatalog {

    public static final EventType<VisitScheduled> VISIT_SCHEDULED = new EventType<>(
            "org.caravan.visit.scheduled.v1",
            VisitScheduled.class,
            Topic.VISITS,
            "A coordinator published a visit: it is on the calendar and can be staffed.");

    private static final List<EventType<?>> ALL = List.of(VISIT_SCHEDULED);

    private EventCatalog() {}

    public static List<EventType<?>> all() {
        return ALL;
    }

    public static List<Topic> topics() {
        return ALL.stream().map(EventType::topic).distinct().toList();
    }

    public static Optional<EventType<?>> byName(String name) {
        return ALL.stream().filter(type -> type.name().equals(name)).findFirst();
    }

    @SuppressWarnings("unchecked")
    public static <E extends CaravanEvent> EventType<E> of(Class<E> payloadType) {
        return (EventType<E>) ALL.stream()
                .filter(type -> type.payloadType().equals(payloadType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not in the event catalog: " + payloadType.getName()));
    }
}
