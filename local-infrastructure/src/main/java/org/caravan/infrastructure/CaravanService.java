package org.caravan.infrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One of Caravan's four services, or the identity provider or the gateway in front of them, as the local run and
 * the end-to-end tests start it. The gateway has no database.
 */
public record CaravanService(String name, String database, int httpPort, int managementPort) {

    /** The embedded OpenID Connect provider: its issuer is {@code http://localhost:8085}. */
    public static final CaravanService IDENTITY =
            new CaravanService("identity-service", "identity_service", 8085, 9085);

    /** The one address people open: the web app and {@code /api/...} routed to the four services. */
    public static final CaravanService GATEWAY = new CaravanService("gateway", null, 8080, 9086);

    public static final List<CaravanService> ALL = List.of(
            new CaravanService("event-service", "event_service", 8081, 9081),
            new CaravanService("volunteer-service", "volunteer_service", 8082, 9082),
            new CaravanService("donation-service", "donation_service", 8083, 9083),
            new CaravanService("notification-service", "notification_service", 8084, 9084));

    public static CaravanService named(String name) {
        return ALL.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No such service: " + name));
    }

    /** The same service on free loopback ports, so that tests never collide with a running system. */
    public CaravanService onFreePorts() {
        return new CaravanService(name, database, FreePorts.next(), FreePorts.next());
    }

    /** The runnable jar the build leaves in the service's target folder. */
    public Path executableJar(Path projectRoot) {
        Path target = projectRoot.resolve(name).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(f -> f.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "No runnable jar in " + target + ": build first with ./mvnw -DskipTests package"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + target, e);
        }
    }
}
