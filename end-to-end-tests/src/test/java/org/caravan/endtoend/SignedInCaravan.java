package org.caravan.endtoend;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.caravan.infrastructure.CaravanService;
import org.caravan.infrastructure.EmbeddedInfrastructure;
import org.caravan.infrastructure.FreePorts;
import org.caravan.infrastructure.HttpExchange;
import org.caravan.infrastructure.LocalMailServer;
import org.caravan.infrastructure.LocalSecrets;
import org.caravan.infrastructure.ProviderTokens;
import org.caravan.infrastructure.ServiceProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Caravan's front door as an operator deploys it, outside the local profile: identity-service with secrets of this
 * run only (no demo accounts), the four services trusting it by its issuer and published keys alone, and the gateway
 * signing people in there and checking each service's readiness; a real SMTP server receives the invitations and
 * notices. Once per test JVM.
 */
final class SignedInCaravan {

    private static final Path PROJECT_ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LOGS = PROJECT_ROOT.resolve("end-to-end-tests/target/service-logs/signed-in");
    private static final Duration MAIL_WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId SITE_ZONE = ZoneId.of("Asia/Shanghai");
    private static SignedInCaravan shared;

    private final EmbeddedInfrastructure infrastructure;
    private final List<ServiceProcess> processes;
    private final LocalMailServer mail;
    private final String issuer;
    private final String gateway;
    private final String scriptsSecret;

    private final Map<String, String> baseUrls;

    private SignedInCaravan(
            EmbeddedInfrastructure infrastructure,
            List<ServiceProcess> processes,
            LocalMailServer mail,
            String issuer,
            String gateway,
            String scriptsSecret,
            Map<String, String> baseUrls) {
        this.baseUrls = baseUrls;
        this.infrastructure = infrastructure;
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
        // Servers of its own: on the JVM's shared broker its volunteer-service would join the consumer groups of
        // RunningCaravan's and take a share of that caravan's visits.
        Path servers = Files.createTempDirectory("caravan-e2e-signin-servers");
        // The database server may run as another account, which must reach its folder inside.
        servers.toFile().setExecutable(true, false);
        EmbeddedInfrastructure infrastructure =
                EmbeddedInfrastructure.start(servers, EmbeddedInfrastructure.Ports.free(), false);
        LocalSecrets secrets = LocalSecrets.in(Files.createTempDirectory("caravan-e2e-signin-secrets"));
        LocalMailServer mail = LocalMailServer.onFreePorts();
        CaravanService identity =
                new CaravanService("identity-service", "identity_signin_e2e", FreePorts.next(), FreePorts.next());
        List<CaravanService> services = List.of(
                new CaravanService("event-service", "event_signin_e2e", FreePorts.next(), FreePorts.next()),
                new CaravanService("volunteer-service", "volunteer_signin_e2e", FreePorts.next(), FreePorts.next()),
                new CaravanService("donation-service", "donation_signin_e2e", FreePorts.next(), FreePorts.next()),
                new CaravanService(
                        "notification-service", "notification_signin_e2e", FreePorts.next(), FreePorts.next()));
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

        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("caravan.gateway.issuer-uri", issuer);
        entry.put("caravan.gateway.client.secret", gatewaySecret);
        entry.put("caravan.gateway.session.cookie-secure", "false");
        List<ServiceProcess> processes = new ArrayList<>();
        processes.add(ServiceProcess.start(identity, identity.executableJar(PROJECT_ROOT), provider, LOGS));
        Map<String, String> baseUrls = new LinkedHashMap<>();
        for (CaravanService service : services) {
            Map<String, String> settings = trusting(issuer, infrastructure.serviceProperties(service.database()));
            settings.putAll(secrets.serviceSettings());
            settings.putAll(mailTo(mail));
            settings.put("caravan.notification.answer-link-base", gateway);
            settings.put("caravan.notification.delivery-sweep-interval", "300ms");
            // A failed delivery gives up within seconds, not minutes, so that a test watches an operator send it
            // again; and a webhook may reach this machine, where the tests listen (or, on purpose, do not).
            settings.put("caravan.notification.first-retry-after", "200ms");
            settings.put("caravan.notification.longest-retry-pause", "1s");
            settings.put("caravan.webhooks.allowed-networks", "127.0.0.1/32");
            String shortName = service.name().substring(0, service.name().indexOf('-'));
            String baseUrl = "http://127.0.0.1:" + service.httpPort();
            baseUrls.put(service.name(), baseUrl);
            entry.put("caravan.gateway.routes." + shortName + ".uri", baseUrl);
            entry.put(
                    "caravan.gateway.routes." + shortName + ".readiness-port",
                    String.valueOf(service.managementPort()));
            processes.add(ServiceProcess.start(service, service.executableJar(PROJECT_ROOT), settings, LOGS));
        }
        processes.add(ServiceProcess.start(front, front.executableJar(PROJECT_ROOT), entry, LOGS));
        SignedInCaravan caravan = new SignedInCaravan(
                infrastructure, List.copyOf(processes), mail, issuer, gateway, scriptsSecret, baseUrls);
        try {
            processes.forEach(p -> p.awaitReady(Duration.ofMinutes(3)));
        } catch (RuntimeException e) {
            caravan.close();
            throw e;
        }
        return caravan;
    }

    /** A service that trusts the provider by its issuer and published keys alone, as any OIDC provider is trusted. */
    private static Map<String, String> trusting(String issuer, Map<String, String> settings) {
        settings.put("caravan.security.issuer", issuer);
        settings.put("caravan.security.jwk-set-uri", issuer + "/oauth2/jwks");
        settings.put("caravan.outbox.poll-interval", "100ms");
        return settings;
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

    /** A person the tests register or invite: their subject, name, e-mail address and the password they will choose. */
    record Person(String subject, String name, String email, String password) {}

    /** The broker the services consume from, for a test that writes a record as a broken producer would. */
    String kafkaBootstrapServers() {
        return infrastructure.kafkaBootstrapServers();
    }

    String eventService() {
        return baseUrls.get("event-service");
    }

    String volunteerService() {
        return baseUrls.get("volunteer-service");
    }

    String donationService() {
        return baseUrls.get("donation-service");
    }

    String notificationService() {
        return baseUrls.get("notification-service");
    }

    /** A token of the operators' scripts client with one role (client credentials). */
    String scriptsToken(String role) {
        return new ProviderTokens(issuer).forScripts(scriptsSecret, role);
    }

    /** An operator invites a coordinator, as coordinators' accounts are made: by an operator, at the provider. */
    Person inviteCoordinator(String name) {
        return invite(name, "coordinator", "en");
    }

    /** An operator invites a person with one role (coordinator, donor_liaison, operator) at the provider. */
    Person invite(String name, String role, String locale) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Person person = new Person(
                role.replace('_', '-') + "-" + id, name, "p-" + id + "@caravan.example", "password-of-" + id + "!");
        created(
                issuer + "/api/invitations",
                scriptsToken("operator"),
                Map.of(
                        "subject", person.subject(),
                        "email", person.email(),
                        "name", name,
                        "roles", List.of(role),
                        "locale", locale));
        return person;
    }

    /** A coordinator's script registers the person through the gateway, with a token of the provider. */
    Person register(String name, String locale) {
        return register(name, locale, List.of());
    }

    /** As {@link #register(String, String)}, with the skills the person offers. */
    Person register(String name, String locale, List<String> skills) {
        return register(name, locale, skills, Map.of("channels", List.of("INBOX")));
    }

    /** As {@link #register(String, String, List)}, told through the channels the contact preferences name. */
    Person register(String name, String locale, List<String> skills, Map<String, Object> contactPreferences) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Person volunteer =
                new Person("volunteer-" + id, name, "v-" + id + "@volunteers.example", "password-of-" + id + "!");
        created(
                gateway + "/api/volunteers",
                scriptsToken("coordinator"),
                Map.of(
                        "subject",
                        volunteer.subject(),
                        "name",
                        volunteer.name(),
                        "email",
                        volunteer.email(),
                        "locale",
                        locale,
                        "skills",
                        skills,
                        "contactPreferences",
                        contactPreferences));
        return volunteer;
    }

    /**
     * A scheduled visit six weeks ahead at a new site, with one item whose one place, for the role, needs the skill;
     * once volunteer-service can offer it.
     */
    String scheduleVisit(String token, String theme, String item, String role, String skill) {
        String events = eventService();
        String caravanId = post(
                        events + "/api/caravans",
                        token,
                        Map.of("name", "风筝大篷车 Kite caravan " + theme, "description", "Kites for schools"))
                .path("id")
                .asString();
        String siteId = post(
                        events + "/api/sites",
                        token,
                        Map.of(
                                "name", "风筝小学 Kite primary school " + theme,
                                "kind", "SCHOOL",
                                "district", "朝阳区",
                                "address", "风筝路 1 号",
                                "timeZone", SITE_ZONE.getId()))
                .path("id")
                .asString();
        LocalDateTime startsAt = LocalDate.now(SITE_ZONE).plusWeeks(6).atTime(14, 0);
        String visitId = post(
                        events + "/api/visits",
                        token,
                        Map.of(
                                "caravanId",
                                caravanId,
                                "siteId",
                                siteId,
                                "theme",
                                theme,
                                "startsAt",
                                startsAt.toString(),
                                "endsAt",
                                startsAt.plusHours(2).toString(),
                                "expectedAudience",
                                80))
                .path("id")
                .asString();
        post(
                events + "/api/visits/" + visitId + "/programme-items",
                token,
                Map.of(
                        "title",
                        item,
                        "kind",
                        "OTHER",
                        "startsAt",
                        startsAt.toString(),
                        "durationMinutes",
                        60,
                        "needs",
                        List.of(Map.of("role", role, "skills", List.of(skill), "headcount", 1)),
                        "teamSlots",
                        0));
        post(events + "/api/visits/" + visitId + "/schedule", token, Map.of());
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> get(
                        volunteerService() + "/api/visits/" + visitId + "/staffing", token)
                .toString()
                .contains(role));
        return visitId;
    }

    /** The volunteer-service id of the volunteer who signs in as the subject. */
    String volunteerId(String token, String subject) {
        JsonNode found = await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(
                        () -> get(volunteerService() + "/api/volunteers?subject=" + subject, token),
                        list -> list.size() == 1);
        return found.get(0).path("id").asString();
    }

    /** Posts the JSON body (none when null) with the bearer token; the answer's JSON, insisting on success. */
    JsonNode post(String url, String token, Object body) {
        return json(
                url,
                token,
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** The JSON at the URL, read with the bearer token, insisting on success. */
    JsonNode get(String url, String token) {
        return json(url, token, HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private static JsonNode json(String url, String token, HttpRequest.Builder request) {
        HttpResponse<String> answer = HttpExchange.send(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                request.header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .build());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " was answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body().isEmpty() ? JSON.missingNode() : JSON.readTree(answer.body());
    }

    /** Posts the JSON body with the bearer token and insists on 201 Created. */
    private static void created(String url, String token, Map<String, Object> body) {
        HttpResponse<String> answer = HttpExchange.send(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException(
                    "POST " + url + " was answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    /** The password link of the invitation e-mailed to the address, once it has arrived. */
    String invitationLinkFor(String email) {
        Pattern link = Pattern.compile(Pattern.quote(issuer) + "/password/new\\?token=[A-Za-z0-9_-]+");
        return await().atMost(MAIL_WAIT)
                .until(() -> mail.found(email, link), Optional::isPresent)
                .orElseThrow();
    }

    private void close() {
        processes.parallelStream().forEach(ServiceProcess::close);
        mail.close();
        infrastructure.close();
    }
}
