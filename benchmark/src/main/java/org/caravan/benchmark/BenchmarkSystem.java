package org.caravan.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.caravan.infrastructure.CaravanService;
import org.caravan.infrastructure.DevelopmentTokens;
import org.caravan.infrastructure.EmbeddedInfrastructure;
import org.caravan.infrastructure.LocalSecrets;
import org.caravan.infrastructure.ServiceProcess;
import org.caravan.infrastructure.StartupArchive;

/**
 * PostgreSQL and a Kafka broker (in this JVM) with the services the accept path crosses, each a JVM of its own
 * with both JIT compilers and a class-data archive, as in production. Topics get the given number of partitions.
 */
final class BenchmarkSystem implements AutoCloseable {

    private static final Path PROJECT_ROOT = Path.of("").toAbsolutePath();

    /** The services an accept crosses, from the offer's visit to the inbox. */
    static final List<String> SERVICES = List.of("event-service", "volunteer-service", "notification-service");

    private final Path directory;
    private final EmbeddedInfrastructure infrastructure;
    private final DevelopmentTokens tokens;
    private final LocalSecrets secrets;
    private final int partitions;
    private final Path recordings;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final StartupArchive archives;
    private boolean closed;
    private Admin admin;

    private BenchmarkSystem(Path directory, EmbeddedInfrastructure infrastructure, int partitions, Path recordings) {
        this.directory = directory;
        this.infrastructure = infrastructure;
        this.tokens = DevelopmentTokens.in(directory.resolve("keys"));
        this.secrets = LocalSecrets.in(directory.resolve("secrets"));
        this.partitions = partitions;
        this.recordings = recordings;
        // Beside the jars, not in this run's folder: the one-partition system launches the same build.
        this.archives = StartupArchive.in(PROJECT_ROOT.resolve("benchmark/target/startup-archives"));
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "benchmark-stop"));
    }

    /** With {@code recordings}, each service also records a Java Flight Recorder profile there. */
    static BenchmarkSystem start(int partitions, Path recordings) throws IOException {
        Path directory = Files.createTempDirectory("caravan-benchmark");
        // PostgreSQL may run as another account, which must reach its folder inside.
        directory.toFile().setExecutable(true, false);
        return new BenchmarkSystem(
                directory,
                EmbeddedInfrastructure.start(directory.resolve("data"), EmbeddedInfrastructure.Ports.free(), false),
                partitions,
                recordings);
    }

    /**
     * Starts one more replica of the service on free ports, as production runs it (both compilers, its class-data
     * archive), and waits until it is ready.
     */
    ServiceProcess launch(String name) {
        ServiceProcess process = start(name, ServiceProcess.FULL_SPEED, true);
        process.awaitReady(Duration.ofMinutes(4));
        return process;
    }

    /** A replica started with the given compilers, with or without its archive; not yet ready. */
    ServiceProcess start(String name, List<String> jvm, boolean archived) {
        CaravanService service = CaravanService.named(name).onFreePorts();
        Map<String, String> settings = settings(service);
        Path jar = service.executableJar(PROJECT_ROOT);
        List<String> options = jvmOptions(service, jvm);
        if (archived) {
            StartupArchive.Launch launch = archives.prepare(service, jar, settings, jvm);
            jar = launch.jar();
            options = launch.options(options);
        }
        ServiceProcess process =
                ServiceProcess.start(service, jar, settings, directory.resolve("logs/" + service.httpPort()), options);
        services.add(process);
        return process;
    }

    /** Trains the services' archives for this build, if it has none yet; how long that took. */
    Duration trainArchives(List<String> names) {
        Map<CaravanService, Map<String, String>> settings = new LinkedHashMap<>();
        names.stream().map(CaravanService::named).forEach(service -> settings.put(service, settings(service)));
        long began = System.nanoTime();
        archives.prepareAll(settings, service -> service.executableJar(PROJECT_ROOT), ServiceProcess.FULL_SPEED);
        return Duration.ofNanos(System.nanoTime() - began);
    }

    /** Stops replicas a measurement started, and forgets them. */
    void stop(List<ServiceProcess> replicas) {
        replicas.parallelStream().forEach(ServiceProcess::close);
        services.removeAll(replicas);
    }

    private Map<String, String> settings(CaravanService service) {
        Map<String, String> settings = infrastructure.serviceProperties(service.database());
        settings.put("caravan.security.public-key-location", "file:" + tokens.publicKeyFile());
        settings.putAll(secrets.serviceSettings());
        settings.put("caravan.kafka.partitions", String.valueOf(partitions));
        settings.put("logging.level.org.caravan", "WARN");
        return settings;
    }

    private List<String> jvmOptions(CaravanService service, List<String> jvm) {
        if (recordings == null) {
            return jvm;
        }
        List<String> options = new ArrayList<>(jvm);
        options.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                + recordings.resolve(service.name() + "-" + partitions + "p-" + service.httpPort() + ".jfr"));
        return options;
    }

    List<ServiceProcess> replicasOf(String name) {
        return services.stream().filter(s -> s.service().name().equals(name)).toList();
    }

    List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    DevelopmentTokens tokens() {
        return tokens;
    }

    int partitions() {
        return partitions;
    }

    String kafka() {
        return infrastructure.kafkaBootstrapServers();
    }

    /** Records published but not yet consumed, over every consumer group and partition. */
    synchronized long consumerLag() {
        if (admin == null) {
            admin = Admin.create(Map.of("bootstrap.servers", kafka()));
        }
        try {
            long lag = 0;
            for (var group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
                for (var entry : committed.entrySet()) {
                    if (entry.getValue() != null) {
                        lag += ends.get(entry.getKey()).offset()
                                - entry.getValue().offset();
                    }
                }
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the consumer groups' lag", e);
        }
    }

    /** A plain JDBC connection to a service's own database, for measuring and for the SQL baseline. */
    Connection database(String name) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://" + infrastructure.postgresHost() + ":" + infrastructure.postgresPort() + "/" + name,
                "caravan",
                "caravan");
    }

    /** Stops everything once, whether the run ends or is interrupted. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (admin != null) {
            admin.close();
        }
        services.parallelStream().forEach(ServiceProcess::close);
        infrastructure.close();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + directory + ": " + e);
        }
    }
}
