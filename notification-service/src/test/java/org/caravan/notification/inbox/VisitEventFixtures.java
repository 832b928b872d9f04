package org.caravan.notification.inbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.caravan.contracts.EventCatalog;
import org.caravan.platform.testing.EventSamples;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** VisitScheduled records as event-service publishes them, made from the checked-in sample. */
final class VisitEventFixtures {

    private VisitEventFixtures() {}

    /** The sample event for a new visit scheduled by the given coordinator. */
    static byte[] visitScheduledBy(String coordinator, UUID visitId) {
        ObjectNode event = (ObjectNode) JsonMapper.shared().readTree(EventSamples.json(EventCatalog.VISIT_SCHEDULED));
        ((ObjectNode) event.path("visit")).put("visitId", visitId.toString());
        event.put("scheduledBy", coordinator);
        return JsonMapper.shared().writeValueAsBytes(event);
    }

    static Map<String, String> cloudEventHeaders(UUID eventId, UUID visitId) {
        return Map.of(
                "ce_id", eventId.toString(),
                "ce_source", "event-service",
                "ce_type", EventCatalog.VISIT_SCHEDULED.name(),
                "ce_subject", visitId.toString(),
                "ce_time", "2026-09-01T02:15:00Z",
                "ce_specversion", "1.0",
                "content-type", "application/json",
                "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    static byte[] notJson() {
        return "this is not a visit {".getBytes(StandardCharsets.UTF_8);
    }
}
