package org.caravan.endtoend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.caravan.infrastructure.CaravanService;
import org.caravan.infrastructure.DevelopmentTokens;
import org.caravan.infrastructure.HttpExchange;
import org.caravan.infrastructure.Infrastructure;
import org.caravan.infrastructure.LocalMailServer;
import org.caravan.infrastructure.LocalSecrets;
import org.caravan.infrastructure.ServiceProcess;
import org.caravan.infrastructure.SharedInfrastructure;

/**
 * All four services as separate JVMs, started from their runnable jars and configured by environment, once per
 * test JVM, with a real SMTP server that notification-service sends to.
 */
final class RunningCaravan {

    /**
     * The story's time, whatever the hour the build runs: the Monday after the article's visit, 10:00 in Beijing,
     * when nobody's quiet hours hold a notice back. The services run from it, all with the same offset.
     */
    static final Instant STORY_TIME = Instant.parse("2026-09-28T02:00:00Z");

    /** One service logs as an operator would collect it, as JSON lines, to show that option works. */
    static final String JSON_LOGGING_SERVICE = "notification-service";

    private static final Path PROJECT_ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LOGS = PROJECT_ROOT.resolve("end-to-end-tests/target/service-logs");
    private static RunningCaravan shared;

    private final Map<String, ServiceProcess> services = new ConcurrentHashMap<>();
    private final OtlpReceiver traces;
    private final Map<String, Map<String, String>> settings;
    private final DevelopmentTokens tokens;
    private final LocalMailServer mail;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Clock clock;

    private RunningCaravan(
            Map<String, Map<String, String>> settings,
            DevelopmentTokens tokens,
            LocalMailServer mail,
            OtlpReceiver traces,
            Clock clock) {
        this.clock = clock;
        this.traces = traces;
        this.settings = settings;
        this.tokens = tokens;
        this.mail = mail;
    }

    static synchronized RunningCaravan shared() throws IOException {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    private static RunningCaravan start() throws IOException {
        Infrastructure infrastructure = SharedInfrastructure.get();
        DevelopmentTokens tokens = DevelopmentTokens.in(Files.createTempDirectory("caravan-e2e-keys"));
        LocalSecrets secrets = LocalSecrets.in(Files.createTempDirectory("caravan-e2e-secrets"));
        LocalMailServer mail = LocalMailServer.onFreePorts();
        OtlpReceiver traces = OtlpReceiver.start();
        List<CaravanService> placed =
                CaravanService.ALL.stream().map(CaravanService::onFreePorts).toList();
        String volunteerService = "http://127.0.0.1:"
                + placed.stream()
                        .filter(s -> s.name().equals("volunteer-service"))
                        .findFirst()
                        .orElseThrow()
                        .httpPort();
        Duration offset = Duration.between(Instant.now(), STORY_TIME);
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        for (CaravanService service : placed) {
            Map<String, String> these = infrastructure.serviceProperties(service.database());
            these.put("caravan.security.public-key-location", "file:" + tokens.publicKeyFile());
            these.putAll(secrets.serviceSettings());
            these.put("caravan.clock.offset", offset.toString());
            // The machine's zone is neither UTC nor the sites' zone: a rule that leans on it shows.
            these.put("TZ", "America/Los_Angeles");
            these.put("caravan.outbox.poll-interval", "100ms");
            these.put("spring.mail.host", "127.0.0.1");
            these.put("spring.mail.port", String.valueOf(mail.smtpPort()));
            these.put("caravan.notification.answer-link-base", volunteerService);
            these.put("caravan.notification.delivery-sweep-interval", "300ms");
            // Spans go where an operator's collector would be, set the way any OpenTelemetry program is told.
            these.put("OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint());
            these.put("management.opentelemetry.tracing.export.schedule-delay", "500ms");
            if (service.name().equals(JSON_LOGGING_SERVICE)) {
                these.put("logging.structured.format.console", "ecs");
            }
            settings.put(service.name(), these);
        }
        RunningCaravan caravan =
                new RunningCaravan(settings, tokens, mail, traces, Clock.offset(Clock.systemUTC(), offset));
        placed.forEach(caravan::launch);
        try {
            caravan.services.values().forEach(s -> s.awaitReady(Duration.ofMinutes(3)));
        } catch (RuntimeException e) {
            caravan.close();
            throw e;
        }
        return caravan;
    }

    private void launch(CaravanService service) {
        services.put(
                service.name(),
                ServiceProcess.start(service, service.executableJar(PROJECT_ROOT), settings.get(service.name()), LOGS));
    }

    /** Stops the service's process (as a crash or a deployment would); {@link #start(String)} brings it back. */
    void stop(String name) {
        services.get(name).close();
    }

    /** Starts the service again on the same ports and settings, and waits until it is ready. */
    void start(String name) {
        launch(services.get(name).service());
        services.get(name).awaitReady(Duration.ofMinutes(3));
    }

    /** The services' clock, which reads {@link #STORY_TIME} when they start and runs on from there. */
    Clock clock() {
        return clock;
    }

    LocalMailServer mail() {
        return mail;
    }

    OtlpReceiver traces() {
        return traces;
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    String token(String subject, String role) {
        return tokens.mint(subject, role);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return HttpExchange.send(http, request.timeout(Duration.ofSeconds(10)).build());
    }

    HttpRequest.Builder request(String service, String path, String token) {
        return HttpRequest.newBuilder(URI.create(service(service).baseUrl() + path))
                .header("Authorization", "Bearer " + token);
    }

    private void close() {
        services.values().parallelStream().forEach(ServiceProcess::close);
        mail.close();
        traces.close();
    }
}
