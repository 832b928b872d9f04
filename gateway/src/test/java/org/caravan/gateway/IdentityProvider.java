package org.caravan.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.caravan.infrastructure.CaravanService;
import org.caravan.infrastructure.FreePorts;
import org.caravan.infrastructure.PostgresServer;
import org.caravan.infrastructure.ServiceProcess;

/**
 * The real identity-service, started once per test JVM from its runnable jar as its own process (local profile: the
 * demo accounts with password {@code caravan-demo-2026}), on a real PostgreSQL server of its own. Its gateway client
 * is registered for the gateway's port the tests chose, with the tests' secret, and with access tokens that need a
 * refresh two seconds after they are issued.
 */
final class IdentityProvider {

    static final String CLIENT_SECRET = "gateway+secret/for=the-gateway-tests";
    static final String DEMO_PASSWORD = "caravan-demo-2026";

    private static IdentityProvider instance;

    private final PostgresServer postgres;
    private final ServiceProcess process;
    private final String issuer;

    private IdentityProvider(PostgresServer postgres, ServiceProcess process, String issuer) {
        this.postgres = postgres;
        this.process = process;
        this.issuer = issuer;
    }

    static synchronized IdentityProvider forGatewayOn(int gatewayPort) {
        if (instance == null) {
            instance = start(gatewayPort);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "identity-provider-stop"));
        }
        return instance;
    }

    String issuer() {
        return issuer;
    }

    private static IdentityProvider start(int gatewayPort) {
        Path root = projectRoot();
        Path jar = executableJar(root.resolve("identity-service").resolve("target"));
        try {
            Path directory = Files.createTempDirectory("caravan-gateway-test-servers");
            // The database server may run as another account, which must reach its folder inside.
            directory.toFile().setExecutable(true, false);
            PostgresServer postgres = PostgresServer.start(directory.resolve("postgres"), FreePorts.next(), false);
            try {
                postgres.createDatabase("identity_service");
                CaravanService service =
                        new CaravanService("identity-service", "identity_service", FreePorts.next(), FreePorts.next());
                String issuer = "http://localhost:" + service.httpPort();
                String gateway = "http://localhost:" + gatewayPort;
                Map<String, String> settings = new LinkedHashMap<>();
                settings.put("spring.profiles.active", "local");
                settings.put("caravan.database.host", "127.0.0.1");
                settings.put("caravan.database.port", String.valueOf(postgres.port()));
                settings.put("caravan.database.name", "identity_service");
                settings.put("caravan.database.username", "caravan");
                settings.put("caravan.database.password", "caravan");
                settings.put("caravan.identity.issuer", issuer);
                settings.put("caravan.identity.clients.gateway.secret", CLIENT_SECRET);
                settings.put("caravan.identity.clients.gateway.redirect-uris", gateway + "/login/oauth2/code/caravan");
                settings.put("caravan.identity.clients.gateway.post-logout-redirect-uris", gateway + "/");
                // With the gateway's refresh skew of 60 s, a token is due for refresh 2 s after it is issued.
                settings.put("caravan.identity.clients.gateway.access-token-lifetime", "62s");
                settings.put("spring.mail.host", "127.0.0.1");
                settings.put("spring.mail.port", String.valueOf(FreePorts.next()));
                ServiceProcess process = ServiceProcess.start(service, jar, settings, directory.resolve("logs"));
                try {
                    process.awaitReady(Duration.ofSeconds(150));
                } catch (RuntimeException e) {
                    process.close();
                    throw e;
                }
                return new IdentityProvider(postgres, process, issuer);
            } catch (RuntimeException e) {
                postgres.close();
                throw e;
            }
        } catch (IOException e) {
            throw new IllegalStateException("No temporary folder for the provider", e);
        }
    }

    private void stop() {
        process.close();
        postgres.close();
    }

    private static Path projectRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("identity-service")) ? here : here.getParent();
    }

    private static Path executableJar(Path target) {
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(f -> f.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No runnable jar in " + target
                            + ": build it first with ./mvnw -pl gateway -am install -DskipTests"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + target, e);
        }
    }
}
