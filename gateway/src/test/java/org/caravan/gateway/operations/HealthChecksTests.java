package org.caravan.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.caravan.gateway.GatewayProperties;
import org.caravan.gateway.operations.HealthReport.State;
import org.caravan.gateway.routing.ReadinessProbe;
import org.caravan.gateway.routing.ServiceReplicas;
import org.caravan.infrastructure.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The checks on their own, against small HTTP servers: what the gateway's shared test setup does not configure. */
class HealthChecksTests {

    private static final Instant NOW = Instant.parse("2026-09-28T02:00:00Z");
    private static final String NOWHERE = "volunteer-service.gone.test";
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<ExecutorService> executors = new ArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);

    /**
     * The first request in a JVM loads and starts Reactor Netty and the codecs, which takes longer than the timeout
     * on a busy machine: a running gateway has done so long before anyone opens the page.
     */
    @BeforeEach
    void warmUp() {
        int ready = serve(exchange -> answer(exchange, 200, "{\"issuer\":\"elsewhere\"}"));
        Map<String, String> settings = settings(ready, ready);
        settings.put("caravan.gateway.issuer-uri", "http://127.0.0.1:" + ready);
        settings.put("caravan.gateway.replicas.check-timeout", "30s");
        checks(settings).now().block();
    }

    @AfterEach
    void stopServers() {
        released.countDown();
        servers.forEach(server -> server.stop(0));
        executors.forEach(ExecutorService::shutdownNow);
    }

    @Test
    void aServiceWithoutReadinessPortIsUncheckedOneWhoseNameResolvesToNothingIsDown() {
        int ready = serve(exchange -> answer(exchange, 200, ""));
        HealthReport report = checks(settings(ready, ready)).now().block();

        assertThat(report.checkedAt()).isEqualTo(NOW);
        HealthReport.Service notification = service(report, "notification-service");
        assertThat(notification.state()).isEqualTo(State.UNCHECKED);
        assertThat(notification.reason()).isEqualTo("no readiness port configured");
        assertThat(notification.replicas()).singleElement().satisfies(replica -> {
            assertThat(replica.state()).isEqualTo(State.UNCHECKED);
            assertThat(replica.tookMillis()).isNull();
        });
        HealthReport.Service volunteer = service(report, "volunteer-service");
        assertThat(volunteer.state()).isEqualTo(State.DOWN);
        assertThat(volunteer.reason()).isEqualTo(NOWHERE + " resolves to no address");
        assertThat(volunteer.replicas()).isEmpty();
        assertThat(service(report, "donation-service").state()).as("%s", report).isEqualTo(State.UP);
    }

    @Test
    void aReplicaThatHangsIsDownAfterTheTimeoutAndTheOthersAreStillAnsweredInTime() {
        int ready = serve(exchange -> answer(exchange, 200, ""));
        int hanging = serve(exchange -> {
            try {
                released.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "");
        });

        long start = System.nanoTime();
        HealthReport report = checks(settings(hanging, ready)).now().block();
        long took = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertThat(took).as("about the check timeout, not the hang").isLessThan(2_500);
        HealthReport.Service event = service(report, "event-service");
        assertThat(event.state()).isEqualTo(State.DOWN);
        assertThat(event.replicas()).singleElement().satisfies(replica -> {
            assertThat(replica.reason()).isEqualTo("no answer within 500 ms");
            assertThat(replica.tookMillis()).isBetween(500L, 2_000L);
        });
        assertThat(service(report, "donation-service").state()).as("%s", report).isEqualTo(State.UP);
    }

    @Test
    void theProviderIsUpWhenItsDiscoveryNamesTheIssuerAndDownWhenItIsNotReachable() {
        int ready = serve(exchange -> answer(exchange, 200, ""));
        int provider = FreePorts.next();
        serveOn(provider, exchange -> answer(exchange, 200, "{\"issuer\":\"http://127.0.0.1:" + provider + "\"}"));
        Map<String, String> settings = settings(ready, ready);
        settings.put("caravan.gateway.issuer-uri", "http://127.0.0.1:" + provider);

        HealthReport.Provider up = checks(settings).now().block().provider();
        assertThat(up.state()).as("%s", up).isEqualTo(State.UP);
        assertThat(up.discovery()).isEqualTo("http://127.0.0.1:" + provider + "/.well-known/openid-configuration");

        settings.put("caravan.gateway.issuer-uri", "http://localhost:" + provider);
        HealthReport.Provider elsewhere = checks(settings).now().block().provider();
        assertThat(elsewhere.state()).isEqualTo(State.DOWN);
        assertThat(elsewhere.reason()).startsWith("names another issuer");

        settings.put("caravan.gateway.issuer-uri", "http://127.0.0.1:" + FreePorts.next());
        HealthReport.Provider gone = checks(settings).now().block().provider();
        assertThat(gone.state()).isEqualTo(State.DOWN);
        assertThat(gone.reason()).isEqualTo("connection refused");
    }

    private static HealthReport.Service service(HealthReport report, String name) {
        return report.services().stream()
                .filter(service -> service.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** event-service on one port, donation-service on another, both checked; volunteers gone; notices unchecked. */
    private static Map<String, String> settings(int eventPort, int donationPort) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("caravan.gateway.issuer-uri", "http://127.0.0.1:" + FreePorts.next());
        settings.put("caravan.gateway.replicas.check-timeout", TIMEOUT.toMillis() + "ms");
        settings.put("caravan.gateway.routes.event.uri", "http://127.0.0.1:" + eventPort);
        settings.put("caravan.gateway.routes.event.readiness-port", String.valueOf(eventPort));
        settings.put("caravan.gateway.routes.volunteer.uri", "http://" + NOWHERE + ":8080");
        settings.put("caravan.gateway.routes.volunteer.readiness-port", "9090");
        settings.put("caravan.gateway.routes.donation.uri", "http://127.0.0.1:" + donationPort);
        settings.put("caravan.gateway.routes.donation.readiness-port", String.valueOf(donationPort));
        settings.put("caravan.gateway.routes.notification.uri", "http://127.0.0.1:8084");
        return settings;
    }

    private static HealthChecks checks(Map<String, String> settings) {
        GatewayProperties properties = new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("caravan.gateway", GatewayProperties.class);
        ServiceReplicas replicas = new ServiceReplicas(properties.routes(), host -> {
            if (host.equals(NOWHERE)) {
                throw new UnknownHostException(host);
            }
            return List.of(InetAddress.getByName(host));
        });
        return new HealthChecks(
                properties,
                replicas,
                new ReadinessProbe(properties.replicas().checkTimeout()),
                Clock.fixed(NOW, ZoneOffset.UTC),
                "/actuator/health/readiness");
    }

    private int serve(HttpHandler handler) {
        return serveOn(0, handler);
    }

    private int serveOn(int port, HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 10);
            ExecutorService executor = Executors.newCachedThreadPool();
            executors.add(executor);
            server.setExecutor(executor);
            server.createContext("/", handler);
            server.start();
            servers.add(server);
            return server.getAddress().getPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }
}
