package org.caravan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.staffing.AssignmentConfirmed;
import org.caravan.notification.NotificationServiceIntegrationTest;
import org.caravan.notification.WebhookReceiver;
import org.caravan.platform.TraceIds;
import org.caravan.tracing.testing.CallerTraces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** A notice's trace runs on from the record that brought it, through its delivery, to the receiving webhook. */
@ExtendWith(OutputCaptureExtension.class)
class TracedDeliveriesIntegrationTests extends NotificationServiceIntegrationTest {

    private static final Instant SATURDAY_MORNING = Instant.parse("2026-12-12T01:30:00Z");

    @Test
    void aWebhookIsSentInTheTraceOfTheEventThatCausedIt(CapturedOutput output) {
        String path = "/partner/" + UUID.randomUUID();
        UUID volunteer = registeredVolunteer(
                "lead-" + UUID.randomUUID(), null, "en", List.of("WEBHOOK"), null, WEBHOOKS.url(path));
        awaitRecipient(volunteer);
        String traceId = CallerTraces.newTraceId();
        String upstreamSpan = "b7ad6b7169203331";

        publish(
                EventCatalog.ASSIGNMENT_CONFIRMED,
                new AssignmentConfirmed(assignment(volunteer, UUID.randomUUID(), "CONFIRMED", SATURDAY_MORNING), now()),
                "volunteer-service",
                UUID.randomUUID(),
                Map.of(TraceIds.TRACEPARENT, "00-" + traceId + "-" + upstreamSpan + "-01"));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> WEBHOOKS.receivedAt(path).size() == 1);
        WebhookReceiver.Received hook = WEBHOOKS.receivedAt(path).get(0);
        String[] traceparent = hook.headers().get(TraceIds.TRACEPARENT).split("-");
        assertThat(traceparent[1]).isEqualTo(traceId);
        assertThat(traceparent[2]).as("a span of notification-service's own").isNotEqualTo(upstreamSpan);

        assertThat(deliveriesTo(volunteer))
                .hasSize(2)
                .allSatisfy(d -> assertThat(d.path("traceId").asString()).isEqualTo(traceId));
        assertThat(output.getAll())
                .contains("[" + traceId + "] ")
                .containsPattern("\\[" + traceId + "\\] .*applied " + EventCatalog.ASSIGNMENT_CONFIRMED.name());
    }

    private List<JsonNode> deliveriesTo(UUID volunteer) {
        return body(get(token("ops", "operator"), "/api/deliveries?recipient=volunteer:" + volunteer)
                        .expectStatus()
                        .isOk())
                .valueStream()
                .map(view -> view.path("delivery"))
                .toList();
    }
}
