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
    private final Path directory;

    private LocalSecrets(String answerLinks, String webhooks, Path directory) {
        this.answerLinks = answerLinks;
        this.webhooks = webhooks;
        this.directory = directory;
    }

    /** The secrets kept in the folder, each made on first use. */
    public static LocalSecrets in(Path directory) {
        try {
            Files.createDirectories(directory);
            restrict(directory, "rwx------");
            return new LocalSecrets(
                    kept(directory.resolve("answer-links-secret")),
                    kept(directory.resolve("webhook-secret")),
                    directory);
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

    /**
     * The identity provider's secrets: the seal of its signing keys and its three clients' secrets (the gateway's,
     * the scripts' that {@code ./caravan token} uses, the services'), as identity-service's settings.
     */
    public Map<String, String> identitySettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("caravan.identity.keys.encryption-secret", named("identity-keys-seal"));
        settings.put("caravan.identity.clients.gateway.secret", gatewayClient());
        settings.put("caravan.identity.clients.scripts.secret", scriptsClient());
        settings.put("caravan.identity.clients.services.secret", named("services-client-secret"));
        return settings;
    }

    /** The gateway's client secret at the provider. */
    public String gatewayClient() {
        return named("gateway-client-secret");
    }

    /** The secret of {@code caravan-scripts}, the provider's client for operators' scripts (client credentials). */
    public String scriptsClient() {
        return named("scripts-client-secret");
    }

    private String named(String name) {
        try {
            return kept(directory.resolve(name));
        } catch (IOException e) {
            throw new IllegalStateException("Could not read or make the secret " + directory.resolve(name), e);
        }
    }

    /** As docker-compose.yml reads them from the environment. */
    public Map<String, String> composeEnvironment() {
        return Map.of(
                "CARAVAN_ANSWER_LINKS_SECRET", answerLinks,
                "CARAVAN_WEBHOOK_SECRET", webhooks,
                "CARAVAN_IDENTITY_KEYS_SECRET", named("identity-keys-seal"),
                "CARAVAN_GATEWAY_CLIENT_SECRET", gatewayClient(),
                "CARAVAN_SCRIPTS_SECRET", scriptsClient());
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
