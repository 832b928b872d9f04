package org.caravan.containers;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/** docker-compose.yml driven as an operator drives it, under a project name of its own, and the engine beside it. */
final class Compose {

    static final Path PROJECT_ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final String HEALTH =
            "{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}} without health check{{end}}";

    private final String project;
    private final Map<String, String> environment;

    Compose(String project, Map<String, String> environment) {
        this.project = project;
        this.environment = environment;
    }

    /** A Docker engine answers; where none can be started the container tests cannot run. */
    static boolean engineAnswers() {
        try {
            return run(List.of("docker", "info"), Map.of(), Duration.ofSeconds(30))
                            .exitCode()
                    == 0;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    String compose(Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                "docker-compose",
                "--project-name",
                project,
                "--file",
                PROJECT_ROOT.resolve("docker-compose.yml").toString()));
        command.addAll(Arrays.asList(arguments));
        return require(run(command, environment, timeout), command);
    }

    /** The containers running a service's replicas. */
    List<String> replicas(String service) {
        return compose(Duration.ofSeconds(30), "ps", "--quiet", service)
                .lines()
                .filter(line -> !line.isBlank())
                .toList();
    }

    /** A command inside the service's first container, as {@code docker-compose exec} runs it. */
    String exec(String service, String... command) {
        List<String> arguments = new ArrayList<>(List.of("exec", "-T", service));
        arguments.addAll(Arrays.asList(command));
        return compose(Duration.ofMinutes(1), arguments.toArray(String[]::new));
    }

    static String docker(String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(Arrays.asList(arguments));
        return require(run(command, Map.of(), Duration.ofMinutes(2)), command);
    }

    /**
     * Waits until every replica of each service reports healthy through its image's health check, or, for an
     * image without one (the gateway), runs.
     */
    void awaitHealthy(Duration timeout, String... services) {
        Instant deadline = Instant.now().plus(timeout);
        for (String service : services) {
            for (String container : replicas(service)) {
                awaitHealthy(service, container, deadline);
            }
        }
    }

    /**
     * As {@link #awaitHealthy(Duration, String...)}, for the one replica a rolling restart has just started again,
     * but running the image's own health check every second: the engine runs it every 10 s, and the legacy builder
     * docker-compose 1.29 uses knows no faster start interval. An orchestrator sees a ready replica within its probe
     * period, and so should the next stop.
     */
    void awaitReplicaHealthy(Duration timeout, String service, String container) {
        try {
            await().atMost(timeout)
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions() // a check that outlasts its own timeout, while the JVM starts on a busy machine
                    .until(() -> run(
                                            List.of("docker", "exec", container, "caravan-healthcheck"),
                                            Map.of(),
                                            Duration.ofSeconds(10))
                                    .exitCode()
                            == 0);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(service + " replica " + container + " never became ready again:\n"
                    + docker("logs", "--tail", "40", container));
        }
    }

    private static void awaitHealthy(String service, String container, Instant deadline) {
        try {
            await().atMost(Duration.ofMillis(Math.max(
                            1, Duration.between(Instant.now(), deadline).toMillis())))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> Set.of("healthy", "running without health check")
                            .contains(docker("inspect", "--format", HEALTH, container)
                                    .strip()));
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(service + " replica " + container + " never became healthy:\n"
                    + docker("logs", "--tail", "40", container));
        }
    }

    private record Result(int exitCode, String output) {}

    private static Result run(List<String> command, Map<String, String> environment, Duration timeout) {
        try {
            Path output = Files.createTempFile("caravan-compose", ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .directory(PROJECT_ROOT.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            if (!finished) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " took longer than " + timeout + ":\n" + printed);
            }
            return new Result(process.exitValue(), printed);
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(command + " interrupted", e);
        }
    }

    private static String require(Result result, List<String> command) {
        if (result.exitCode() != 0) {
            throw new IllegalStateException(
                    String.join(" ", command) + " exited " + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
    }
}
