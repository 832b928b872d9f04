package org.caravan.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caravan.infrastructure.CaravanService;
import org.caravan.infrastructure.FreePorts;
import org.caravan.infrastructure.Infrastructure;
import org.caravan.infrastructure.LocalMailServer;
import org.caravan.infrastructure.LocalSecrets;
import org.caravan.infrastructure.ServiceProcess;
import org.caravan.infrastructure.SharedInfrastructure;

/**
 * Caravan's front door as an operator deploys it, outside the local profile: identity-service with secrets of this
 * run only (no demo accounts), volunteer-service trusting it by its issuer and published keys alone, and the gateway
 * signing people in there; a real SMTP server receives the invitations. Once per test JVM.
 */
final class SignedInCaravan {

    private static final Path PROJECT_ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LOGS = PROJECT_ROOT.resolve("end-to-end-tests/target/service-logs/signed-in");
    private static SignedInCaravan shared;

    private final List<ServiceProcess> processes;
    private final LocalMailServer mail;
    private final String issuer;
    private final String gateway;
    private final String scriptsSecret;

    private SignedInCaravan(
            List<ServiceProcess> processes, LocalMailServer mail, String issuer, String gateway, String scriptsSecret) {
        this.processes = processes;
        this.mail = mail;
        this.issuer = issuer;
        this.gateway = gateway;
        this.scriptsSecret = scriptsSecret;
    }

    static synchronized SignedInCaravan shared() throws IOException {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    private static SignedInCaravan start() throws IOException {
        Infrastructure infrastructure = SharedInfrastructure.get();
        LocalSecrets secrets = LocalSecrets.in(Files.createTempDirectory("caravan-e2e-signin-secrets"));
        LocalMailServer mail = LocalMailServer.onFreePorts();
        CaravanService identity =
                new CaravanService("identity-service", "identity_signin_e2e", FreePorts.next(), FreePorts.next());
        CaravanService volunteers =
                new CaravanService("volunteer-service", "volunteer_signin_e2e", FreePorts.next(), FreePorts.next());
        CaravanService front = new CaravanService("gateway", null, FreePorts.next(), FreePorts.next());
        String issuer = "http://localhost:" + identity.httpPort();
        String gateway = "http://localhost:" + front.httpPort();
        String gatewaySecret = LocalSecrets.generate();
        String scriptsSecret = LocalSecrets.generate();

        Map<String, String> provider = infrastructure.serviceProperties(identity.database());
        provider.put("caravan.identity.issuer", issuer);
        provider.put("caravan.identity.keys.encryption-secret", LocalSecrets.generate());
        provider.put("caravan.identity.clients.gateway.secret", gatewaySecret);
        provider.put("caravan.identity.clients.gateway.redirect-uris", gateway + "/login/oauth2/code/caravan");
        provider.put("caravan.identity.clients.gateway.post-logout-redirect-uris", gateway + "/");
        provider.put("caravan.identity.clients.scripts.secret", scriptsSecret);
        provider.put("caravan.identity.clients.services.secret", LocalSecrets.generate());
        provider.putAll(mailTo(mail));

        Map<String, String> service = infrastructure.serviceProperties(volunteers.database());
        service.put("caravan.security.issuer", issuer);
        service.put("caravan.security.jwk-set-uri", issuer + "/oauth2/jwks");
        service.putAll(secrets.serviceSettings());
        service.put("caravan.outbox.poll-interval", "100ms");

        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("caravan.gateway.issuer-uri", issuer);
        entry.put("caravan.gateway.client.secret", gatewaySecret);
        entry.put("caravan.gateway.session.cookie-secure", "false");
        String volunteerService = "http://127.0.0.1:" + volunteers.httpPort();
        // Only volunteer-service runs here; the other routes lead to it too and are not called.
        for (String route : List.of("event", "volunteer", "donation", "notification")) {
            entry.put("caravan.gateway.routes." + route + ".uri", volunteerService);
        }

        List<ServiceProcess> processes = List.of(
                ServiceProcess.start(identity, identity.executableJar(PROJECT_ROOT), provider, LOGS),
                ServiceProcess.start(volunteers, volunteers.executableJar(PROJECT_ROOT), service, LOGS),
                ServiceProcess.start(front, front.executableJar(PROJECT_ROOT), entry, LOGS));
        SignedInCaravan caravan = new SignedInCaravan(processes, mail, issuer, gateway, scriptsSecret);
        try {
            processes.forEach(p -> p.awaitReady(Duration.ofMinutes(3)));
        } catch (RuntimeException e) {
            caravan.close();
            throw e;
        }
        return caravan;
    }

    private static Map<String, String> mailTo(LocalMailServer mail) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", String.valueOf(mail.smtpPort()));
        return settings;
    }

    LocalMailServer mail() {
        return mail;
    }

    String issuer() {
        return issuer;
    }

    String gateway() {
        return gateway;
    }

    String scriptsSecret() {
        return scriptsSecret;
    }

    private void close() {
        processes.parallelStream().forEach(ServiceProcess::close);
        mail.close();
    }
}
