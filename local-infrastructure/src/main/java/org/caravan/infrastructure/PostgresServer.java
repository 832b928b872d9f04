package org.caravan.infrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server run from the distribution's binaries, {@code CARAVAN_PG_BIN}'s, or else the build's own
 * (see {@link PostgresBinaries}). PostgreSQL refuses to run as root, so as root every command runs as the
 * {@code postgres} account, which owns the data folder.
 */
public final class PostgresServer implements AutoCloseable {

    static final String USER = "caravan";
    static final String PASSWORD = "caravan";

    private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

    private final PostgresBinaries binaries;
    private final Path dataDirectory;
    private final int port;
    private final boolean durable;

    private PostgresServer(PostgresBinaries binaries, Path dataDirectory, int port, boolean durable) {
        this.binaries = binaries;
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.port = port;
        this.durable = durable;
    }

    /** Starts a server on the folder, creating its cluster on first use; a durable one keeps fsync on. */
    public static PostgresServer start(Path dataDirectory, int port, boolean durable) {
        PostgresBinaries binaries = PostgresBinaries.choose(dataDirectory.resolve("cluster"));
        String line = "  using " + binaries.describe();
        if (ANNOUNCED.add(line)) {
            System.out.println(line);
        }
        return start(dataDirectory, port, durable, binaries);
    }

    /** Starts a server from the given binaries. */
    public static PostgresServer start(Path dataDirectory, int port, boolean durable, PostgresBinaries binaries) {
        PostgresServer server = new PostgresServer(binaries, dataDirectory, port, durable);
        server.start();
        return server;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates the database unless it exists: each service owns one and no other service reads it. */
    public void createDatabase(String name) {
        Databases.create(jdbcUrl("postgres"), name);
    }

    private void start() {
        try {
            Files.createDirectories(dataDirectory);
            Path cluster = dataDirectory.resolve("cluster");
            Path sockets = dataDirectory.resolve("run");
            Files.createDirectories(sockets);
            requirePostgresAccount();
            handOver(dataDirectory);
            handOver(sockets);
            String created = PostgresBinaries.clusterMajor(cluster);
            if (created.isEmpty()) {
                List<String> initdb = new ArrayList<>(
                        List.of(binary("initdb"), "-D", cluster.toString(), "-U", USER, "--auth=trust"));
                initdb.addAll(binaries.localeOptions());
                run(initdb);
            } else if (!binaries.major().isEmpty() && !created.equals(binaries.major())) {
                throw new IllegalStateException("The data in " + cluster + " was created by PostgreSQL " + created
                        + ", and " + binaries.describe() + " cannot read it: set CARAVAN_PG_BIN to PostgreSQL "
                        + created + "'s binaries (or to 'bundled'), or start afresh (./caravan run --reset deletes the"
                        + " data)");
            }
            stopLeftover(cluster);
            String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + sockets
                    + " -c max_connections=200" + (durable ? "" : " -c fsync=off -c synchronous_commit=off");
            run(List.of(
                    binary("pg_ctl"),
                    "start",
                    "-w",
                    "-t",
                    "60",
                    "-D",
                    cluster.toString(),
                    "-l",
                    dataDirectory.resolve("postgres.log").toString(),
                    "-o",
                    options));
        } catch (IOException e) {
            throw new IllegalStateException("Could not prepare " + dataDirectory, e);
        }
    }

    /** A server left running by a killed run would hold the folder; stop it before starting afresh. */
    private void stopLeftover(Path cluster) {
        if (Files.exists(cluster.resolve("postmaster.pid"))) {
            runQuietly(List.of(binary("pg_ctl"), "stop", "-m", "immediate", "-D", cluster.toString()));
        }
    }

    @Override
    public void close() {
        runQuietly(List.of(
                binary("pg_ctl"),
                "stop",
                "-m",
                "fast",
                "-D",
                dataDirectory.resolve("cluster").toString()));
        if (!durable) {
            deleteRecursively(dataDirectory);
        }
    }

    private String binary(String name) {
        return binaries.bin().resolve(name).toString();
    }

    private static void requirePostgresAccount() {
        if (!isRoot()) {
            return;
        }
        try {
            if (new ProcessBuilder("id", "-u", "postgres")
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start()
                            .waitFor()
                    != 0) {
                throw new IllegalStateException("PostgreSQL refuses to run as root, and this machine has no postgres"
                        + " account to run it as: create one (useradd --system --user-group postgres), or run as"
                        + " another user");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not look for the postgres account", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(List<String> command) {
        int exit = runQuietly(command);
        if (exit != 0) {
            throw new IllegalStateException("PostgreSQL command failed (" + exit + "): " + command + "; see "
                    + dataDirectory.resolve("postgres.log"));
        }
    }

    private int runQuietly(List<String> command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full)
                    .redirectErrorStream(true)
                    .redirectOutput(dataDirectory.resolve("commands.log").toFile())
                    .start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + full, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void handOver(Path directory) throws IOException {
        if (isRoot()) {
            try {
                int exit = new ProcessBuilder("chown", "-R", "postgres:postgres", directory.toString())
                        .inheritIO()
                        .start()
                        .waitFor();
                if (exit != 0) {
                    throw new IOException("chown failed for " + directory);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        directory.toFile().setExecutable(true, false);
        directory.toFile().setReadable(true, false);
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Leftover temporary files are harmless; the next run uses a new folder.
        }
    }
}
