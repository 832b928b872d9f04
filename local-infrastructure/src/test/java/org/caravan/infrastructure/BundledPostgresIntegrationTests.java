package org.caravan.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.DriverManager;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a machine without the distribution's PostgreSQL gets: the build's own binaries, unpacked once, running a real
 * server whose data survives a restart. Runs for real on every build, whatever the machine has installed.
 */
class BundledPostgresIntegrationTests {

    /** Unpacked once for the class, as for a developer's machine; each test has its own data folder. */
    @TempDir
    static Path cache;

    @TempDir
    Path folder;

    @BeforeAll
    static void openTheCacheToThePostgresAccount() {
        // As root the server runs as the postgres account, which must reach the binaries and the data inside.
        open(cache);
    }

    @BeforeEach
    void openTheFolderToThePostgresAccount() {
        open(folder);
    }

    private static void open(Path path) {
        path.toFile().setExecutable(true, false);
        path.toFile().setReadable(true, false);
    }

    @Test
    void theBuildsOwnBinariesRunARealServerWhoseDataSurvivesARestart() throws Exception {
        PostgresBinaries binaries = PostgresBinaries.bundled(cache);
        assertThat(binaries.bundled()).isTrue();
        assertThat(binaries.bin()).startsWith(cache.toAbsolutePath());
        Path data = folder.resolve("data");
        int port = FreePorts.next();

        try (var first = PostgresServer.start(data, port, true, binaries)) {
            first.createDatabase("bundled_check");
            try (var connection = DriverManager.getConnection(first.jdbcUrl("bundled_check"), "caravan", "caravan")) {
                var server = connection.createStatement().executeQuery("show server_version");
                server.next();
                assertThat(binaries.version()).startsWith(server.getString(1) + ".");
                connection
                        .createStatement()
                        .execute("create table visit (theme text); insert into visit values ('共谱祖国颂，工筑少年梦')");
            }
        }

        try (var second = PostgresServer.start(data, port, true, binaries)) {
            try (var connection = DriverManager.getConnection(second.jdbcUrl("bundled_check"), "caravan", "caravan")) {
                var rows = connection
                        .createStatement()
                        .executeQuery("select theme, upper('dandelion école') from visit order by theme");
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("共谱祖国颂，工筑少年梦");
                assertThat(rows.getString(2)).isEqualTo("DANDELION ÉCOLE");
                assertThat(rows.next()).isFalse();
            }
        }
        assertThat(PostgresBinaries.clusterMajor(data.resolve("cluster"))).isEqualTo(binaries.major());
    }

    @Test
    void theBinariesAreUnpackedOnceAndReusedAfterwards() throws Exception {
        PostgresBinaries first = PostgresBinaries.bundled(cache);
        Object unpacked = Files.readAttributes(first.bin().resolve("postgres"), BasicFileAttributes.class)
                .fileKey();

        PostgresBinaries second = PostgresBinaries.bundled(cache);

        assertThat(second.bin()).isEqualTo(first.bin());
        assertThat(Files.readAttributes(second.bin().resolve("postgres"), BasicFileAttributes.class)
                        .fileKey())
                .isEqualTo(unpacked);
        try (var leftovers = Files.list(cache)) {
            assertThat(leftovers).containsExactly(first.bin().getParent());
        }
        assertThat(first.bin().getParent().getFileName().toString())
                .isEqualTo(first.version() + "-" + PostgresBinaries.platform());
    }

    @Test
    void caravanPgBinBundledForcesTheBuildsOwnEvenWhereTheDistributionHasSome() {
        var distribution = Optional.of(new PostgresBinaries(Path.of("/usr/lib/postgresql/15/bin"), "15", false, "x"));

        PostgresBinaries chosen = PostgresBinaries.choose(folder.resolve("cluster"), "bundled", distribution, cache);

        assertThat(chosen.bundled()).isTrue();
        assertThat(chosen.describe()).contains("CARAVAN_PG_BIN=bundled");
    }

    @Test
    void theDistributionsBinariesStayTheFirstChoice() {
        var distribution = Optional.of(new PostgresBinaries(Path.of("/usr/lib/postgresql/15/bin"), "15", false, "x"));

        Path unused = folder.resolve("unused-cache");

        assertThat(PostgresBinaries.choose(folder.resolve("cluster"), null, distribution, unused))
                .isEqualTo(distribution.get());
        assertThat(PostgresBinaries.choose(folder.resolve("cluster"), "/opt/pg/bin", distribution, unused)
                        .bin())
                .isEqualTo(Path.of("/opt/pg/bin"));
        assertThat(unused).doesNotExist();
    }

    @Test
    void withoutTheDistributionsBinariesTheBuildsOwnAreUsed() {
        PostgresBinaries chosen = PostgresBinaries.choose(folder.resolve("cluster"), "", Optional.empty(), cache);

        assertThat(chosen.bundled()).isTrue();
        assertThat(chosen.describe()).contains("no server binaries in /usr/lib/postgresql");
    }

    @Test
    void dataCreatedByTheBuildsOwnStaysWithThemOnceTheDistributionsOfAnotherVersionAreInstalled() throws Exception {
        Path cluster = Files.createDirectories(folder.resolve("cluster"));
        Files.writeString(cluster.resolve("PG_VERSION"), PostgresBinaries.bundledMajor() + "\n");
        var distribution = Optional.of(new PostgresBinaries(Path.of("/usr/lib/postgresql/9/bin"), "9", false, "x"));

        PostgresBinaries chosen = PostgresBinaries.choose(cluster, null, distribution, cache);

        assertThat(chosen.bundled()).isTrue();
        assertThat(chosen.describe()).contains("created by PostgreSQL " + PostgresBinaries.bundledMajor());
    }

    @Test
    void dataOfAnotherVersionIsRefusedWithWhatToDo() throws Exception {
        Path data = folder.resolve("data");
        Files.createDirectories(data.resolve("cluster"));
        Files.writeString(data.resolve("cluster").resolve("PG_VERSION"), "9\n");
        PostgresBinaries binaries = PostgresBinaries.bundled(cache);

        assertThatThrownBy(() -> PostgresServer.start(data, FreePorts.next(), true, binaries))
                .hasMessageContaining("created by PostgreSQL 9")
                .hasMessageContaining("CARAVAN_PG_BIN")
                .hasMessageContaining("--reset");
    }
}
