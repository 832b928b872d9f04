package org.caravan.infrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Class-data sharing for a service's jar, the way Spring Boot recommends it: the jar extracted (a class path of plain
 * jars), one training run that stops once the application context has refreshed and writes the classes it loaded
 * and linked to an archive, then every launch maps that archive instead of reading and verifying the classes again.
 * The archive belongs to one build of the jar: a new build, or another JDK, trains again. A training run that fails
 * leaves the plain jar in use, so a launch never depends on it.
 */
public final class StartupArchive {

    private static final Duration TRAINING_LIMIT = Duration.ofMinutes(3);
    /**
     * What a refresh without infrastructure must leave out: the migrations, and the topics Kafka's admin client
     * would otherwise try for half a minute to create on a broker that is not there.
     */
    public static final Map<String, String> OFFLINE =
            Map.of("spring.flyway.enabled", "false", "spring.kafka.admin.auto-create", "false");

    private final Path directory;

    private StartupArchive(Path directory) {
        this.directory = directory;
    }

    /** Archives under {@code directory}, one folder per service. */
    public static StartupArchive in(Path directory) {
        return new StartupArchive(directory);
    }

    /** How to launch a service: which jar, with which options added to the JVM's. */
    public record Launch(Path jar, List<String> jvmOptions, Duration trainedFor) {

        public List<String> options(List<String> jvm) {
            List<String> all = new ArrayList<>(jvm);
            all.addAll(jvmOptions);
            return List.copyOf(all);
        }

        public boolean archived() {
            return !jvmOptions.isEmpty();
        }
    }

    /**
     * Each service's launch, as {@link #prepare} gives it, the builds without an archive trained side by side: as
     * many at a time as there are cores, since each training run keeps a core busy.
     */
    public Map<CaravanService, Launch> prepareAll(
            Map<CaravanService, Map<String, String>> settings, Function<CaravanService, Path> jarOf, List<String> jvm) {
        ExecutorService trainers = Executors.newFixedThreadPool(
                Math.min(settings.size(), Runtime.getRuntime().availableProcessors()));
        try {
            Map<CaravanService, Future<Launch>> pending = new LinkedHashMap<>();
            settings.forEach((service, its) ->
                    pending.put(service, trainers.submit(() -> prepare(service, jarOf.apply(service), its, jvm))));
            Map<CaravanService, Launch> launches = new LinkedHashMap<>();
            for (Map.Entry<CaravanService, Future<Launch>> launch : pending.entrySet()) {
                launches.put(launch.getKey(), launch.getValue().get());
            }
            return launches;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training start-up archives", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("training start-up archives failed", e.getCause());
        } finally {
            trainers.shutdownNow();
        }
    }

    /**
     * The launch of {@code jar} with its archive, trained first if this build has none yet. The training run gets
     * the service's settings, so that it creates the same beans, and stops before any lifecycle starts: with the
     * migrations left to the real launch it needs no database, no Kafka and no free port.
     */
    public Launch prepare(CaravanService service, Path jar, Map<String, String> settings, List<String> jvm) {
        Path folder = directory.resolve(service.name());
        Path archive = folder.resolve("classes.jsa");
        Path extracted = folder.resolve("application").resolve(jar.getFileName());
        Path stamp = folder.resolve("built-from");
        try {
            String build = buildOf(jar) + " " + String.join(" ", jvm);
            if (Files.exists(archive)
                    && Files.exists(stamp)
                    && Files.readString(stamp).equals(build)) {
                return new Launch(extracted, using(archive), Duration.ZERO);
            }
            Instant started = Instant.now();
            PostgresServer.deleteRecursively(folder);
            Files.createDirectories(folder);
            Path log = folder.resolve("training.log");
            run(
                    List.of(
                            java(),
                            "-Djarmode=tools",
                            "-jar",
                            jar.toString(),
                            "extract",
                            "--destination",
                            folder.resolve("application").toString()),
                    Map.of(),
                    log);
            List<String> training = new ArrayList<>(List.of(java()));
            training.addAll(jvm);
            training.addAll(List.of(
                    "-XX:ArchiveClassesAtExit=" + archive,
                    "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off",
                    "-Dspring.context.exit=onRefresh",
                    "-jar",
                    extracted.toString()));
            Map<String, String> offline = new LinkedHashMap<>(settings);
            offline.putAll(OFFLINE);
            run(training, offline, log);
            if (!Files.exists(archive)) {
                throw new IOException("the training run wrote no archive; see " + log);
            }
            Files.writeString(stamp, build);
            return new Launch(extracted, using(archive), Duration.between(started, Instant.now()));
        } catch (IOException e) {
            System.err.println(service.name() + " starts without a class-data archive: " + e.getMessage());
            return new Launch(jar, List.of(), Duration.ZERO);
        }
    }

    private static List<String> using(Path archive) {
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** The jar's size and time with the JDK's version: what the archive is only valid for (with the JVM's options). */
    private static String buildOf(Path jar) throws IOException {
        return jar.toAbsolutePath() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar) + " "
                + Runtime.version() + " " + System.getProperty("java.home");
    }

    private static void run(List<String> command, Map<String, String> settings, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        settings.forEach(
                (property, value) -> builder.environment().put(ServiceProcess.environmentName(property), value));
        Process process = builder.start();
        try {
            if (!process.waitFor(TRAINING_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(command.size() - 1) + " took longer than " + TRAINING_LIMIT);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(
                    "exit " + process.exitValue() + " from " + String.join(" ", command) + "; see " + log);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
