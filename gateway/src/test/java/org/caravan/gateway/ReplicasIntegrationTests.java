package org.caravan.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.caravan.gateway.Backends.Replica;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * volunteer-service scaled to two replicas under one name: the gateway shares requests between the ready ones,
 * stops choosing one that says it is stopping, and moves a request that could not reach a killed one to the other.
 */
class ReplicasIntegrationTests extends GatewayIntegrationTest {

    private static final String SCRIPT_TOKEN = "Bearer a-token-the-gateway-does-not-read";
    private static final Duration NOTICED_WITHIN = Duration.ofSeconds(5);

    private final Replica stopping = Backends.volunteerReplicas().get(0);
    private final Replica staying = Backends.volunteerReplicas().get(1);

    @AfterEach
    void bothReplicasReadyAgain() {
        stopping.restart();
        staying.restart();
        await().alias("both replicas chosen again")
                .atMost(NOTICED_WITHIN)
                .until(() -> repliesFrom(10).size() == 2);
    }

    @Test
    void readyReplicasShareTheRequestsInTurn() {
        assertThat(repliesFrom(10)).containsExactlyInAnyOrder(stopping.address(), staying.address());
    }

    @Test
    void aReplicaThatSaysItIsStoppingIsChosenNoMoreAndNoRequestFailsWhileItStops() {
        stopping.refuseTraffic();
        // Until the next readiness check the stopping replica still answers (it finishes what it is sent).
        await().alias("only the staying replica chosen").atMost(NOTICED_WITHIN).until(() -> repliesFrom(10)
                .equals(Set.of(staying.address())));

        stopping.kill();

        assertThat(repliesFrom(20)).containsExactly(staying.address());
    }

    @Test
    void aReplicaThatSaysItIsStoppingIsLeftOutEvenWhenTheOthersReadinessIsOnlyLate() {
        // A busy machine: the staying replica's check is late, so no replica is ready; the stopping one still must
        // not be chosen, for it said so.
        staying.answerReadinessLate();
        stopping.refuseTraffic();
        await().alias("only the staying replica chosen").atMost(NOTICED_WITHIN).until(() -> repliesFrom(10)
                .equals(Set.of(staying.address())));

        assertThat(repliesFrom(20)).containsExactly(staying.address());
    }

    @Test
    void aRequestThatCouldNotReachAKilledReplicaGoesToTheOtherAndIsAnsweredOnce() {
        stopping.kill();

        // Before the next readiness check notices, about every other request is sent to the killed replica first.
        assertThat(repliesFrom(20)).containsExactly(staying.address());
    }

    @Test
    void whenNoReplicaSaysItIsReadyEveryReplicaIsUsedRatherThanNone() throws InterruptedException {
        stopping.refuseTraffic();
        staying.refuseTraffic();
        Thread.sleep(NOTICED_WITHIN.toMillis() / 5);

        assertThat(repliesFrom(10)).containsExactlyInAnyOrder(stopping.address(), staying.address());
    }

    @Test
    void aReplicaStartedAgainIsChosenAgainOnceReady() {
        stopping.kill();
        await().alias("only the staying replica chosen").atMost(NOTICED_WITHIN).until(() -> repliesFrom(10)
                .equals(Set.of(staying.address())));

        stopping.restart();

        await().alias("the restarted replica chosen again")
                .atMost(NOTICED_WITHIN)
                .until(() -> repliesFrom(10).contains(stopping.address()));
    }

    /**
     * The replicas that answered {@code count} requests, writes and reads in turn; every one of them must have been
     * answered 200 exactly once (the stand-in echoes the request it received).
     */
    private static Set<String> repliesFrom(int count) {
        Set<String> replicas = new HashSet<>();
        for (int i = 0; i < count; i++) {
            Answer answer = i % 2 == 0
                    ? send(request("/api/assignments/a-" + i + "/accept")
                            .header("Authorization", SCRIPT_TOKEN)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{}")))
                    : send(request("/api/volunteers?subject=s-" + i)
                            .header("Authorization", SCRIPT_TOKEN)
                            .GET());
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().path("service").asString()).isEqualTo("volunteer-service");
            assertThat(List.of(answer.json().path("method").asString())).containsExactly(i % 2 == 0 ? "POST" : "GET");
            replicas.add(answer.json().path("replica").asString());
        }
        return replicas;
    }
}
