package org.caravan.gateway.operations;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/operations/health}: each service's replicas as its host resolves now and whether each
 * is ready, and whether the sign-in provider answers. The web app's {@code OperationsHealth} type is written after
 * this record; the sample {@code operations/health-sample.json} in the tests is checked against both.
 *
 * @param checkedAt when the checks began
 * @param tookMillis how long all of them took (they run at once)
 */
public record HealthReport(Instant checkedAt, long tookMillis, List<Service> services, Provider provider) {

    /** UP: answers ready; DOWN: checked, and does not; UNCHECKED: no readiness port is configured to ask at. */
    public enum State {
        UP,
        DOWN,
        UNCHECKED
    }

    /**
     * @param name the service, as the routes know it ({@code event-service})
     * @param uri where the routes send its requests, the host standing for its replicas
     * @param state UP when any replica is ready, DOWN when every checked one is not (or there is none)
     * @param reason why it is not UP, in a few words; null when it is
     */
    public record Service(String name, String uri, State state, String reason, List<Replica> replicas) {}

    /**
     * @param address the replica's address and port, where the routes send it requests
     * @param reason why it is not ready (status, refused, late); null when it is, or when it was not asked
     * @param tookMillis how long its readiness check took; null when it was not asked
     */
    public record Replica(String address, State state, String reason, Long tookMillis) {}

    /**
     * @param issuer the provider people sign in with
     * @param discovery where the gateway read its discovery document (through the back channel, if there is one)
     */
    public record Provider(String issuer, String discovery, State state, String reason, long tookMillis) {}

    /** A service's state from its replicas': UP if any is, else DOWN if any was checked or none was found. */
    static State overall(List<Replica> replicas) {
        if (replicas.stream().anyMatch(replica -> replica.state() == State.UP)) {
            return State.UP;
        }
        if (replicas.isEmpty() || replicas.stream().anyMatch(replica -> replica.state() == State.DOWN)) {
            return State.DOWN;
        }
        return State.UNCHECKED;
    }
}
