package org.caravan.infrastructure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shared secrets of a local run or a test run, random and kept in a folder ({@code .caravan/secrets/} for
 * {@code ./caravan run}): made on the first start, read again on every later one, so that links in e-mails already
 * sent keep working across restarts. Nothing is committed to the source: services refuse a published secret.
 */
public final class LocalSecrets {

    /** Signs the accept/decline links (notification-service) and checks them (volunteer-service). */
    public static final String ANSWER_LINKS = "caravan.answer-links.secret";

    /** Signs webhook deliveries (notification-service). */
    public static final String WEBHOOKS = "caravan.notification.webhook-secret";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String answerLinks;
    private final String webhooks;

    private LocalSecrets(String answerLinks, String webhooks) {
        this.answerLinks = answerLinks;
        this.webhooks = webhooks;
    }

    /** The secrets kept in the folder, each made on first use. */
    public static LocalSecrets in(Path directory) {
        try {
            Files.createDirectories(directory);
            restrict(directory, "rwx------");
            return new LocalSecrets(
                    kept(directory.resolve("answer-links-secret")), kept(directory.resolve("webhook-secret")));
        } catch (IOException e) {
            throw new IllegalStateException("Could not prepare the local secrets in " + directory, e);
        }
    }

    /** 32 random bytes from SecureRandom, base64: as strong as an HMAC-SHA256 key needs. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    public String answerLinks() {
        return answerLinks;
    }

    public String webhooks() {
        return webhooks;
    }

    /** As service settings (Spring property names), which {@link ServiceProcess} passes as environment. */
    public Map<String, String> serviceSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(ANSWER_LINKS, answerLinks);
        settings.put(WEBHOOKS, webhooks);
        return settings;
    }

    /** As docker-compose.yml reads them from the environment. */
    public Map<String, String> composeEnvironment() {
        return Map.of("CARAVAN_ANSWER_LINKS_SECRET", answerLinks, "CARAVAN_WEBHOOK_SECRET", webhooks);
    }

    /** The secret in the file; a new one written there (readable by the owner only) if there is none yet. */
    private static String kept(Path file) throws IOException {
        if (!Files.exists(file)) {
            Path draft =
                    Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new");
            restrict(draft, "rw-------");
            Files.writeString(draft, generate() + "\n", StandardCharsets.US_ASCII);
            try {
                // Complete before it appears under its name; never replaces one another process made meanwhile.
                Files.move(draft, file);
            } catch (FileAlreadyExistsException raced) {
                // keep the one that is there
            } finally {
                Files.deleteIfExists(draft);
            }
        }
        String secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (secret.isEmpty()) {
            throw new IllegalStateException(file + " is empty: delete it to have a new secret made");
        }
        return secret;
    }

    private static void restrict(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's own permissions apply.
        }
    }
}
