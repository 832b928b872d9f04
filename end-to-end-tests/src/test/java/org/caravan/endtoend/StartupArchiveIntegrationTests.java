package org.caravan.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.caravan.infrastructure.CaravanService;
import org.caravan.infrastructure.DevelopmentTokens;
import org.caravan.infrastructure.ServiceProcess;
import org.caravan.infrastructure.StartupArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service's class-data archive, as the local run and the benchmark use it: trained once per build, then mapped by
 * the JVM, with Caravan's own classes and Spring's read from it rather than from the jars.
 */
class StartupArchiveIntegrationTests {

    private static final Path PROJECT_ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final CaravanService EVENTS = CaravanService.named("event-service");

    @TempDir
    Path archives;

    @TempDir
    Path builds;

    @Test
    void aBuildIsTrainedOnceAndItsLaunchesReadTheApplicationsClassesFromTheArchive() throws Exception {
        Path build = thisBuildOfEventService();
        StartupArchive archive = StartupArchive.in(archives);
        Map<String, String> settings = settings();

        StartupArchive.Launch trained = archive.prepare(EVENTS, build, settings, ServiceProcess.QUICK_START);
        StartupArchive.Launch again = archive.prepare(EVENTS, build, settings, ServiceProcess.QUICK_START);

        assertThat(trained.archived()).isTrue();
        assertThat(trained.trainedFor()).isPositive();
        assertThat(trained.jar()).isNotEqualTo(build).exists();
        assertThat(again.trainedFor()).as("the same build is not trained twice").isZero();
        assertThat(again.jar()).isEqualTo(trained.jar());
        assertThat(again.jvmOptions()).isEqualTo(trained.jvmOptions());
        List<String> loaded = classesLoadedByARefresh(again);
        assertThat(loaded)
                .as("Caravan's classes come from the archive")
                .anyMatch(line -> line.contains(" org.caravan.event.") && fromTheArchive(line))
                .noneMatch(line -> line.contains(" org.caravan.event.") && !generated(line) && !fromTheArchive(line));
        List<String> spring = loaded.stream()
                .filter(line -> line.contains(" org.springframework.") && !generated(line))
                .toList();
        assertThat(spring.stream()
                        .filter(StartupArchiveIntegrationTests::fromTheArchive)
                        .count())
                .as("Spring's classes read from the archive, of %d", spring.size())
                .isGreaterThan(spring.size() * 9L / 10);
    }

    private static boolean fromTheArchive(String line) {
        return line.contains("source: shared objects file");
    }

    /** Proxies and lambdas Spring and the JVM define at run time: no archive holds them. */
    private static boolean generated(String line) {
        return line.contains("$$") || line.contains("Lambda") || line.contains("__JVM_");
    }

    @Test
    void aJarThatCannotBeTrainedIsLaunchedAsItIs() throws Exception {
        Path notABootJar = Files.writeString(builds.resolve("event-service-exec.jar"), "not a jar");

        StartupArchive.Launch launch =
                StartupArchive.in(archives).prepare(EVENTS, notABootJar, Map.of(), ServiceProcess.QUICK_START);

        assertThat(launch.archived()).isFalse();
        assertThat(launch.jar()).isEqualTo(notABootJar);
        assertThat(launch.options(ServiceProcess.QUICK_START)).isEqualTo(ServiceProcess.QUICK_START);
    }

    /** What the service needs to refresh its context: the key its tokens are checked with. */
    private Map<String, String> settings() {
        Path key = DevelopmentTokens.in(builds.resolve("keys")).publicKeyFile();
        return Map.of("caravan.security.public-key-location", "file:" + key);
    }

    /** A copy, so that this test's archive has a build of its own. */
    private Path thisBuildOfEventService() throws IOException {
        Path jar = EVENTS.executableJar(PROJECT_ROOT);
        return Files.copy(jar, builds.resolve(jar.getFileName()));
    }

    /**
     * The JVM's class-loading log of a launch that stops once the context has refreshed; {@code -Xshare:on} makes
     * the JVM refuse to start at all if the archive cannot be mapped.
     */
    private List<String> classesLoadedByARefresh(StartupArchive.Launch launch) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(launch.options(ServiceProcess.QUICK_START));
        command.addAll(List.of(
                "-Xshare:on",
                "-Xlog:class+load=info:file=" + builds.resolve("classes.log"),
                "-Dspring.context.exit=onRefresh"));
        Map<String, String> settings = new HashMap<>(settings());
        settings.putAll(StartupArchive.OFFLINE);
        settings.forEach((property, value) -> command.add("-D" + property + "=" + value));
        command.addAll(List.of("-jar", launch.jar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        Process refresh = builder.redirectErrorStream(true)
                .redirectOutput(builds.resolve("refresh.log").toFile())
                .start();
        assertThat(refresh.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(refresh.exitValue())
                .as("the refresh's exit; see %s", builds.resolve("refresh.log"))
                .isZero();
        return Files.readAllLines(builds.resolve("classes.log"));
    }
}
