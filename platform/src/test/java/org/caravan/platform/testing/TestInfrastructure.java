package org.caravan.platform.testing;

import java.io.IOException;
import java.nio.file.Files;
import org.caravan.infrastructure.DevelopmentTokens;
import org.caravan.infrastructure.Infrastructure;
import org.caravan.infrastructure.LocalSecrets;
import org.caravan.infrastructure.SharedInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a service under test at the JVM's shared real PostgreSQL (its own database) and Kafka, at a
 * development signing key whose tokens it accepts, and gives it a random answer-link secret. Use from a {@code @DynamicPropertySource} method.
 */
public final class TestInfrastructure {

    /** A random answer-link secret for this test JVM: services refuse a published one, and none is committed. */
    public static final String ANSWER_LINKS_SECRET = LocalSecrets.generate();

    private static DevelopmentTokens tokens;

    private TestInfrastructure() {}

    public static void register(DynamicPropertyRegistry registry, String database) {
        Infrastructure infrastructure = SharedInfrastructure.get();
        infrastructure.serviceProperties(database).forEach((name, value) -> registry.add(name, () -> value));
        registry.add("caravan.security.public-key-location", () -> "file:" + tokens().publicKeyFile());
        registry.add(LocalSecrets.ANSWER_LINKS, () -> ANSWER_LINKS_SECRET);
        registry.add("server.port", () -> "0");
        registry.add("management.server.port", () -> "0");
        registry.add("caravan.outbox.poll-interval", () -> "50ms");
    }

    public static synchronized DevelopmentTokens tokens() {
        if (tokens == null) {
            try {
                tokens = DevelopmentTokens.in(Files.createTempDirectory("caravan-test-keys"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return tokens;
    }

    public static Infrastructure infrastructure() {
        return SharedInfrastructure.get();
    }
}
