package org.caravan.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.caravan.gateway.operations.HealthReport.Provider;
import org.caravan.gateway.operations.HealthReport.Replica;
import org.caravan.gateway.operations.HealthReport.Service;
import org.caravan.gateway.operations.HealthReport.State;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HealthReportTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The sample the web app's tests read too (web-app/src/test/operations-health.sample.json is a copy). */
    static JsonNode sample() throws IOException {
        try (InputStream in = HealthReportTests.class.getResourceAsStream("/operations/health-sample.json")) {
            return JSON.readTree(in);
        }
    }

    @Test
    void aReportIsWrittenInTheShapeOfTheSample() throws IOException {
        HealthReport report = new HealthReport(
                Instant.parse("2026-09-28T02:00:00Z"),
                2004,
                List.of(
                        new Service(
                                "event-service",
                                "http://event-service:8080",
                                State.UP,
                                null,
                                List.of(new Replica("10.0.3.7:8080", State.UP, null, 12L))),
                        new Service(
                                "volunteer-service",
                                "http://volunteer-service:8080",
                                State.UP,
                                null,
                                List.of(
                                        new Replica("10.0.3.8:8080", State.UP, null, 9L),
                                        new Replica("10.0.3.9:8080", State.DOWN, "answered 503", 4L))),
                        new Service(
                                "donation-service",
                                "http://donation-service:8080",
                                State.DOWN,
                                "no replica is ready",
                                List.of(new Replica("10.0.3.10:8080", State.DOWN, "no answer within 2000 ms", 2001L))),
                        new Service(
                                "notification-service",
                                "http://localhost:8084",
                                State.UNCHECKED,
                                "no readiness port configured",
                                List.of(new Replica("127.0.0.1:8084", State.UNCHECKED, null, null)))),
                new Provider(
                        "http://localhost:8085",
                        "http://identity-service:8080/.well-known/openid-configuration",
                        State.UP,
                        null,
                        35));

        assertThat(JSON.readTree(JSON.writeValueAsString(report))).isEqualTo(sample());
    }

    @Test
    void aServiceIsUpWhenAnyReplicaIsAndDownWhenEveryCheckedOneIsNot() {
        Replica up = new Replica("10.0.3.8:8080", State.UP, null, 3L);
        Replica down = new Replica("10.0.3.9:8080", State.DOWN, "connection refused", 1L);
        Replica unchecked = new Replica("10.0.3.9:8080", State.UNCHECKED, null, null);

        assertThat(HealthReport.overall(List.of(down, up))).isEqualTo(State.UP);
        assertThat(HealthReport.overall(List.of(down, down))).isEqualTo(State.DOWN);
        assertThat(HealthReport.overall(List.of(unchecked))).isEqualTo(State.UNCHECKED);
        assertThat(HealthReport.overall(List.of()))
                .as("a name that resolves to no replica is a service that is down")
                .isEqualTo(State.DOWN);
    }
}
