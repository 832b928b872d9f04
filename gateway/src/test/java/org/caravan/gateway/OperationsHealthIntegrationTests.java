package org.caravan.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.caravan.gateway.Backends.Replica;
import org.caravan.gateway.routing.RouteTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/operations/health}, answered by the gateway: an operator sees each service's replicas as they are
 * now, with volunteer-service's two replicas made to refuse traffic or stop; nobody else sees it.
 */
class OperationsHealthIntegrationTests extends GatewayIntegrationTest {

    private static final String OPERATOR = "operator@caravan.example";
    private static final String HEALTH = "/api/operations/health";
    private static final String SCRIPT_TOKEN = "Bearer a-token-the-gateway-does-not-read";

    private final Replica refusing = Backends.volunteerReplicas().get(0);
    private final Replica stopped = Backends.volunteerReplicas().get(1);

    @AfterEach
    void bothVolunteerReplicasServeAgain() {
        refusing.restart();
        stopped.restart();
        // Other tests share this gateway: wait until its routes choose both replicas again.
        await().alias("both volunteer replicas chosen again")
                .atMost(Duration.ofSeconds(5))
                .until(() -> volunteerRepliesFrom(10).size() == 2);
    }

    @Test
    void anOperatorSeesEveryServiceUpWhereReadinessAnswers200AndDownWhereItAnswers503OrNobodyListens() {
        Browser operator = signedIn(OPERATOR);
        refusing.refuseTraffic();
        stopped.kill();

        long start = System.nanoTime();
        Browser.Page page = operator.api("GET", HEALTH, null, false);
        long took = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(took)
                .as("the checks run at once, each within the check timeout")
                .isLessThan(3_000);
        JsonNode health = page.json();
        assertThat(health.path("services").findValuesAsString("name"))
                .containsExactly("event-service", "volunteer-service", "donation-service", "notification-service");
        for (RouteTable.Service service :
                List.of(RouteTable.Service.EVENT, RouteTable.Service.DONATION, RouteTable.Service.NOTIFICATION)) {
            JsonNode found = service(health, service.serviceName());
            assertThat(found.path("state").asString()).as(service.serviceName()).isEqualTo("UP");
            assertThat(found.path("replicas")).singleElement().satisfies(replica -> {
                assertThat(replica.path("address").asString()).isEqualTo("127.0.0.1:" + Backends.port(service));
                assertThat(replica.path("state").asString()).isEqualTo("UP");
                assertThat(replica.path("tookMillis").asLong()).isBetween(0L, 1_000L);
            });
        }
        JsonNode volunteers = service(health, "volunteer-service");
        assertThat(volunteers.path("state").asString()).isEqualTo("DOWN");
        assertThat(volunteers.path("reason").asString()).isEqualTo("no replica is ready");
        int port = Backends.port(RouteTable.Service.VOLUNTEER);
        assertThat(replica(volunteers, refusing.address() + ":" + port)
                        .path("reason")
                        .asString())
                .isEqualTo("answered 503");
        assertThat(replica(volunteers, stopped.address() + ":" + port)
                        .path("reason")
                        .asString())
                .isEqualTo("connection refused");
        assertThat(volunteers.path("replicas").findValuesAsString("state")).containsOnly("DOWN");

        JsonNode provider = health.path("provider");
        assertThat(provider.path("state").asString()).isEqualTo("UP");
        assertThat(provider.path("issuer").asString())
                .isEqualTo(IdentityProvider.forGatewayOn(PORT).issuer());
        assertThat(Instant.parse(health.path("checkedAt").asString()))
                .isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        assertThat(fieldsOf(health)).as("the sample's shape").isEqualTo(fieldsOf(sample()));

        stopped.restart();
        JsonNode again = operator.api("GET", HEALTH, null, false).json();
        assertThat(service(again, "volunteer-service").path("state").asString())
                .as("one ready replica is enough")
                .isEqualTo("UP");
    }

    @Test
    void aVolunteerIsRefused403AsProblemDetails() {
        Browser volunteer = signedIn(QIAO);

        Browser.Page page = volunteer.api("GET", HEALTH, null, false);

        assertThat(page.status()).as(page.body()).isEqualTo(403);
        assertThat(page.header("Content-Type")).startsWith("application/problem+json");
        assertThat(JSON.readTree(page.body()).path("status").asInt()).isEqualTo(403);
    }

    @Test
    void nobodySignedInIsAnswered401AsProblemDetailsEvenWithABearerTokenNeverAService() {
        for (Answer answer : List.of(
                send(request(HEALTH).GET()),
                send(request(HEALTH).header("Authorization", SCRIPT_TOKEN).GET()))) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(401);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.json().has("service"))
                    .as("not routed to a service")
                    .isFalse();
        }
    }

    private static JsonNode service(JsonNode health, String name) {
        for (JsonNode service : health.path("services")) {
            if (service.path("name").asString().equals(name)) {
                return service;
            }
        }
        throw new AssertionError("No " + name + " in " + health);
    }

    private static JsonNode replica(JsonNode service, String address) {
        for (JsonNode replica : service.path("replicas")) {
            if (replica.path("address").asString().equals(address)) {
                return replica;
            }
        }
        throw new AssertionError("No replica " + address + " in " + service);
    }

    /** Every member's path (array elements as []), so that two answers of the same shape compare equal. */
    private static Set<String> fieldsOf(JsonNode node) {
        Set<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, Set<String> paths) {
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                paths.add(path + "." + name);
                collect(node.get(name), path + "." + name, paths);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, path + "[]", paths);
            }
        }
    }

    private static JsonNode sample() {
        try (InputStream in =
                OperationsHealthIntegrationTests.class.getResourceAsStream("/operations/health-sample.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> volunteerRepliesFrom(int count) {
        Set<String> replicas = new HashSet<>();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Answer answer = send(request("/api/volunteers?subject=s-" + i)
                    .header("Authorization", SCRIPT_TOKEN)
                    .GET());
            statuses.add(answer.status());
            if (answer.status() == 200) {
                replicas.add(answer.json().path("replica").asString());
            }
        }
        return replicas;
    }
}
