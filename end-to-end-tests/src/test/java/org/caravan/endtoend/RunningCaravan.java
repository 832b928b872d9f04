package org.caravan.endtoend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caravan.infrastructure.CaravanService;
import org.caravan.infrastructure.DevelopmentTokens;
import org.caravan.infrastructure.Infrastructure;
import org.caravan.infrastructure.ServiceProcess;
import org.caravan.infrastructure.SharedInfrastructure;

/** All four services as separate JVMs, started from their runnable jars and configured by environment. */
final class RunningCaravan implements AutoCloseable {

    /** One service logs as an operator would collect it, as JSON lines, to show that option works. */
    static final String JSON_LOGGING_SERVICE = "notification-service";

    private static final Path PROJECT_ROOT = Path.of("..").toAbsolutePath().normalize();

    private final List<ServiceProcess> services;
    private final DevelopmentTokens tokens;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningCaravan(List<ServiceProcess> services, DevelopmentTokens tokens) {
        this.services = services;
        this.tokens = tokens;
    }

    static RunningCaravan start() throws IOException {
        Infrastructure infrastructure = SharedInfrastructure.get();
        DevelopmentTokens tokens = DevelopmentTokens.in(Files.createTempDirectory("caravan-e2e-keys"));
        Path logs = PROJECT_ROOT.resolve("end-to-end-tests/target/service-logs");
        List<ServiceProcess> services = new ArrayList<>();
        for (CaravanService service : CaravanService.ALL) {
            Map<String, String> settings = infrastructure.serviceProperties(service.database());
            settings.put("caravan.security.public-key-location", "file:" + tokens.publicKeyFile());
            settings.put("caravan.outbox.poll-interval", "100ms");
            if (service.name().equals(JSON_LOGGING_SERVICE)) {
                settings.put("logging.structured.format.console", "ecs");
            }
            services.add(
                    ServiceProcess.start(service.onFreePorts(), service.executableJar(PROJECT_ROOT), settings, logs));
        }
        RunningCaravan caravan = new RunningCaravan(services, tokens);
        try {
            services.forEach(s -> s.awaitReady(Duration.ofMinutes(3)));
        } catch (RuntimeException e) {
            caravan.close();
            throw e;
        }
        return caravan;
    }

    ServiceProcess service(String name) {
        return services.stream()
                .filter(s -> s.service().name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    String token(String subject, String role) {
        return tokens.mint(subject, role);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String service, String path, String token) {
        return HttpRequest.newBuilder(URI.create(service(service).baseUrl() + path))
                .header("Authorization", "Bearer " + token);
    }

    @Override
    public void close() {
        services.parallelStream().forEach(ServiceProcess::close);
    }
}
