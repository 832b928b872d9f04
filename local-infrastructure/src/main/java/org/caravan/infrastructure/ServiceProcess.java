package org.caravan.infrastructure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A service running as its own JVM, configured the way an operator configures a container: by environment. */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final CaravanService service;
    private final Process process;
    private final Path log;

    private ServiceProcess(CaravanService service, Process process, Path log) {
        this.service = service;
        this.process = process;
        this.log = log;
    }

    /** Starts in seconds rather than runs fast: the C1 compiler only. For tests and the local run. */
    public static final List<String> QUICK_START = List.of(
            "-XX:TieredStopAtLevel=1",
            "-Xss512k",
            "-Xmx384m",
            "-XX:G1PeriodicGCInterval=15000",
            "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30",
            "-XX:ReservedCodeCacheSize=64m");

    /** Both JIT compilers, as a service runs in production: for measurements. */
    public static final List<String> FULL_SPEED = List.of("-Xss512k", "-Xmx384m");

    /**
     * Starts the service's jar. Settings are Spring property names (caravan.database.port...) and are passed as
     * environment variables (CARAVAN_DATABASE_PORT...), exactly as docker-compose passes them.
     */
    public static ServiceProcess start(
            CaravanService service, Path jar, Map<String, String> settings, Path logDirectory) {
        return start(service, jar, settings, logDirectory, QUICK_START);
    }

    public static ServiceProcess start(
            CaravanService service, Path jar, Map<String, String> settings, Path logDirectory, List<String> jvm) {
        try {
            Files.createDirectories(logDirectory);
            Path log = logDirectory.resolve(service.name() + ".log");
            List<String> command = new ArrayList<>(List.of(javaExecutable()));
            command.addAll(jvm);
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> all = new LinkedHashMap<>(settings);
            all.put("server.port", String.valueOf(service.httpPort()));
            all.put("management.server.port", String.valueOf(service.managementPort()));
            all.forEach((property, value) -> builder.environment().put(environmentName(property), value));
            return new ServiceProcess(service, builder.start(), log);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + service.name(), e);
        }
    }

    /** CARAVAN_DATABASE_PORT for caravan.database.port: Spring's relaxed binding reads it back. */
    static String environmentName(String property) {
        return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    public CaravanService service() {
        return service;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + service.httpPort();
    }

    public Path log() {
        return log;
    }

    /** The operating system's process id, to read its CPU time and memory. */
    public long pid() {
        return process.pid();
    }

    /** Waits until the readiness probe, which checks the database and Kafka, answers UP. */
    public void awaitReady(Duration timeout) {
        URI readiness = URI.create("http://127.0.0.1:" + service.managementPort() + "/actuator/health/readiness");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        service.name() + " exited with " + process.exitValue() + "; see " + log);
            }
            if (isUp(readiness)) {
                return;
            }
            pause();
        }
        throw new IllegalStateException(service.name() + " not ready after " + timeout + "; see " + log);
    }

    private static boolean isUp(URI readiness) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(readiness)
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for readiness", e);
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for readiness", e);
        }
    }

    /** Asks for a graceful shutdown (SIGTERM) and forces it if the service does not stop in time. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
