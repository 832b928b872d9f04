package org.caravan.infrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;

/**
 * One set of servers per test JVM, started on first use and stopped when the JVM exits. Where a Docker
 * engine answers, containers are used; {@code -Dcaravan.infrastructure=embedded|containers} (or the
 * CARAVAN_INFRASTRUCTURE variable) overrides the choice.
 */
public final class SharedInfrastructure {

    private static Infrastructure instance;

    private SharedInfrastructure() {}

    public static synchronized Infrastructure get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "caravan-infrastructure-stop"));
        }
        return instance;
    }

    private static Infrastructure start() {
        String choice = System.getProperty("caravan.infrastructure", System.getenv("CARAVAN_INFRASTRUCTURE"));
        String mode = choice == null ? "auto" : choice.toLowerCase(Locale.ROOT);
        boolean containers =
                mode.equals("containers") || (mode.equals("auto") && ContainerInfrastructure.dockerAvailable());
        if (containers) {
            return ContainerInfrastructure.start();
        }
        try {
            var directory = Files.createTempDirectory("caravan-test-servers");
            // The database server may run as another account, which must reach its folder inside.
            directory.toFile().setExecutable(true, false);
            return EmbeddedInfrastructure.start(directory, EmbeddedInfrastructure.Ports.free(), false);
        } catch (IOException e) {
            throw new IllegalStateException("No temporary folder for the test servers", e);
        }
    }
}
