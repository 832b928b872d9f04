package org.caravan.infrastructure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code run [--reset] [--no-demo]}: PostgreSQL, Kafka, a local mail server, the identity provider, the four
 * services and the gateway in front of them, with data kept in {@code .caravan/} until reset (the random secrets in
 * {@code secrets/}), and the Dandelion School demo loaded on a first start; Ctrl-C stops them all. {@code seed}: the
 * demo (visit, people, gifts) into the running system. {@code token ROLE | token EMAIL}: an access token from the
 * running provider (client credentials for a role, or a person's sign-in); {@code token --development ROLE
 * [SUBJECT]}: one signed with the development key in {@code .caravan/keys}, the benchmark's issuer, which no
 * deployment trusts.
 */
public final class CaravanCommand {

    private static final Path STATE = Path.of(".caravan").toAbsolutePath();
    private static final List<String> ROLES = List.of("coordinator", "volunteer", "donor_liaison", "operator");
    /** The demo accounts' password in the local run (identity-service's local profile). */
    static final String DEMO_PASSWORD = "caravan-demo-2026";

    static final String DEMO_COORDINATOR = "coordinator@caravan.example";

    private CaravanCommand() {}

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("logback.configurationFile", "caravan-local-logback.xml");
        List<String> arguments = Arrays.asList(args);
        String command = arguments.isEmpty() ? "run" : arguments.get(0);
        switch (command) {
            case "run" -> run(arguments.contains("--reset"), !arguments.contains("--no-demo"));
            case "token" -> token(arguments.subList(1, arguments.size()));
            case "seed" -> seed();
            default -> usage();
        }
    }

    /** The provider's issuer: {@code CARAVAN_ISSUER}, by default the local run's identity-service. */
    static String issuer() {
        String configured = System.getenv("CARAVAN_ISSUER");
        return configured == null || configured.isBlank()
                ? "http://localhost:" + CaravanService.IDENTITY.httpPort()
                : configured;
    }

    private static void token(List<String> arguments) {
        if (!arguments.isEmpty() && arguments.get(0).equals("--development")) {
            developmentToken(arguments.subList(1, arguments.size()));
            return;
        }
        if (arguments.size() != 1) {
            usage();
            System.exit(2);
        }
        String who = arguments.get(0);
        ProviderTokens provider = new ProviderTokens(issuer());
        try {
            if (ROLES.contains(who)) {
                System.out.println(provider.forScripts(scriptsSecret(), who));
            } else if (who.contains("@")) {
                System.out.println(provider.forPerson(who, password(who)));
            } else {
                usage();
                System.exit(2);
            }
        } catch (ProviderTokens.RefusedException | IllegalStateException refused) {
            System.err.println(refused.getMessage());
            System.exit(1);
        }
    }

    /** {@code CARAVAN_SCRIPTS_SECRET}, or the local run's own in {@code .caravan/secrets/}. */
    private static String scriptsSecret() {
        String configured = System.getenv("CARAVAN_SCRIPTS_SECRET");
        return configured == null || configured.isBlank()
                ? LocalSecrets.in(STATE.resolve("secrets")).scriptsClient()
                : configured;
    }

    /** {@code CARAVAN_PASSWORD}, else asked at the terminal; the demo accounts' one when there is no terminal. */
    private static String password(String email) {
        String configured = System.getenv("CARAVAN_PASSWORD");
        if (configured != null && !configured.isEmpty()) {
            return configured;
        }
        if (System.console() != null) {
            char[] typed = System.console().readPassword("Password for %s: ", email);
            if (typed != null && typed.length > 0) {
                return new String(typed);
            }
        }
        return DEMO_PASSWORD;
    }

    private static void developmentToken(List<String> arguments) {
        if (arguments.isEmpty() || !ROLES.contains(arguments.get(0))) {
            usage();
            System.exit(2);
        }
        String role = arguments.get(0);
        String subject = arguments.size() > 1 ? arguments.get(1) : "local-" + role.replace('_', '-');
        System.out.println(DevelopmentTokens.in(STATE.resolve("keys")).mint(subject, role));
    }

    /**
     * Loads the Dandelion School visit, its people and its gifts into a running system, as the demo coordinator
     * (signed in at the provider), whose inbox then tells of the visit.
     */
    private static void seed() {
        String token = new ProviderTokens(issuer()).forPerson(DEMO_COORDINATOR, DEMO_PASSWORD);
        String events = local("event-service");
        DemoScenario scenario = new DemoScenario(events, token);
        LocalDate day = DemoScenario.upcomingDay();
        String visitId = scenario.load(day);
        System.out.println("Scheduled the Dandelion School visit on " + day + ": " + events + "/api/visits/" + visitId);
        String volunteers = local("volunteer-service");
        int people = new DemoPeople(volunteers, token).load().size();
        System.out.println("Registered " + people + " volunteers and three teams: " + volunteers + "/api/teams");
        String donations = local("donation-service");
        int pledges = new DemoDonations(donations, token)
                .load(scenario.visit(visitId))
                .size();
        System.out.println(
                "Recorded " + pledges + " donors' pledges: " + donations + "/api/visits/" + visitId + "/donations");
    }

    private static String local(String service) {
        return "http://127.0.0.1:" + CaravanService.named(service).httpPort();
    }

    private static void run(boolean reset, boolean demo) throws InterruptedException {
        if (reset) {
            PostgresServer.deleteRecursively(STATE);
        }
        LocalPorts ports = configuredPorts();
        requireFreePorts(ports);
        boolean firstStart = !Files.exists(STATE.resolve("data"));
        Instant started = Instant.now();
        LocalSecrets secrets = LocalSecrets.in(STATE.resolve("secrets"));
        System.out.println("Starting PostgreSQL, Kafka and a local mail server...");
        EmbeddedInfrastructure infrastructure =
                EmbeddedInfrastructure.start(STATE.resolve("data"), ports.infrastructure(), true);
        LocalMailServer mail = LocalMailServer.start(ports.smtp(), ports.pop3());
        List<ServiceProcess> services = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> stop(services, infrastructure, mail, stopped), "caravan-stop"));
        System.out.println("Starting the identity provider, the four services and the gateway"
                + " (about 25 s on two cores; a new build first trains their start-up archives, about 40 s more)...");
        LocalRun local = new LocalRun(issuer(), mail, secrets);
        Map<CaravanService, Map<String, String>> settings = new LinkedHashMap<>();
        settings.put(CaravanService.IDENTITY, local.identity(infrastructure));
        for (CaravanService service : CaravanService.ALL) {
            settings.put(service, local.service(infrastructure, service));
        }
        settings.put(CaravanService.GATEWAY, local.gateway());
        Map<CaravanService, StartupArchive.Launch> launches = archived(settings);
        settings.forEach((service, its) -> services.add(start(service, its, launches.get(service))));
        for (ServiceProcess service : services) {
            try {
                service.awaitReady(Duration.ofMinutes(4));
            } catch (RuntimeException failed) {
                System.err.println("\n" + service.service().name() + " did not start: " + failed.getMessage() + "\nSee "
                        + service.log() + ". Stopping.");
                System.exit(1);
            }
            System.out.printf(
                    "  %-21s ready after %d s%n",
                    service.service().name(),
                    Duration.between(started, Instant.now()).toSeconds());
        }
        if (firstStart && demo) {
            System.out.println(
                    "\nFirst start: loading the Dandelion School demo (./caravan run --no-demo skips it)...");
            seed();
        }
        printWelcome(services, infrastructure, mail, Duration.between(started, Instant.now()));
        stopped.await();
    }

    private static ServiceProcess start(
            CaravanService service, Map<String, String> settings, StartupArchive.Launch launch) {
        return ServiceProcess.start(
                service, launch.jar(), settings, STATE.resolve("logs"), launch.options(ServiceProcess.QUICK_START));
    }

    /** Each process's class-data archive, trained first for those whose build has none yet (StartupArchive). */
    private static Map<CaravanService, StartupArchive.Launch> archived(
            Map<CaravanService, Map<String, String>> settings) {
        Instant began = Instant.now();
        Map<CaravanService, StartupArchive.Launch> launches = StartupArchive.in(STATE.resolve("archives"))
                .prepareAll(settings, service -> service.executableJar(Path.of("")), ServiceProcess.QUICK_START);
        if (launches.values().stream().anyMatch(launch -> !launch.trainedFor().isZero())) {
            System.out.printf(
                    "  start-up archives trained for this build in %d s (once per build)%n",
                    Duration.between(began, Instant.now()).toSeconds());
        }
        return launches;
    }

    /** A port in use is named, with what would use it, before anything starts. */
    private static void requireFreePorts(LocalPorts ports) {
        Map<Integer, String> wanted = new LinkedHashMap<>();
        wanted.put(ports.postgres(), "PostgreSQL (CARAVAN_POSTGRES_PORT)");
        wanted.put(ports.kafka(), "Kafka (CARAVAN_KAFKA_PORT)");
        wanted.put(ports.kafkaController(), "Kafka's controller (CARAVAN_KAFKA_CONTROLLER_PORT)");
        wanted.put(ports.smtp(), "the local mail server's SMTP (CARAVAN_MAIL_SMTP_PORT)");
        wanted.put(ports.pop3(), "the local mail server's POP3 (CARAVAN_MAIL_POP3_PORT)");
        List<CaravanService> all = new ArrayList<>(CaravanService.ALL);
        all.add(CaravanService.IDENTITY);
        all.add(CaravanService.GATEWAY);
        for (CaravanService service : all) {
            wanted.put(service.httpPort(), service.name());
            wanted.put(service.managementPort(), service.name() + "'s management port");
        }
        wanted.forEach((port, user) -> {
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException taken) {
                System.err.println(
                        "Port " + port + " is taken; " + user + " needs it. Stop what uses it and run again.");
                System.exit(2);
            }
        });
    }

    /** The servers the launcher starts besides the services, on ports an operator may move. */
    private record LocalPorts(int postgres, int kafka, int kafkaController, int smtp, int pop3) {

        EmbeddedInfrastructure.Ports infrastructure() {
            return new EmbeddedInfrastructure.Ports(postgres, kafka, kafkaController);
        }
    }

    private static LocalPorts configuredPorts() {
        return new LocalPorts(
                port("CARAVAN_POSTGRES_PORT", 15432),
                port("CARAVAN_KAFKA_PORT", 19092),
                port("CARAVAN_KAFKA_CONTROLLER_PORT", 19093),
                port("CARAVAN_MAIL_SMTP_PORT", 2525),
                port("CARAVAN_MAIL_POP3_PORT", 2110));
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
    }

    private static void stop(
            List<ServiceProcess> services,
            Infrastructure infrastructure,
            LocalMailServer mail,
            CountDownLatch stopped) {
        System.out.println("Stopping Caravan...");
        services.parallelStream().forEach(ServiceProcess::close);
        infrastructure.close();
        mail.close();
        stopped.countDown();
        System.out.println("Stopped.");
    }

    private static void printWelcome(
            List<ServiceProcess> services, Infrastructure infrastructure, LocalMailServer mail, Duration took) {
        String gateway = "http://localhost:" + CaravanService.GATEWAY.httpPort();
        StringBuilder out = new StringBuilder("\nCaravan is running (started in " + took.toSeconds() + " s).\n\n");
        out.append("  Open ")
                .append(gateway)
                .append("  and sign in as one of the demo people (password ")
                .append(DEMO_PASSWORD)
                .append("):\n\n");
        LocalRun.DEMO_ACCOUNTS.forEach((email, who) -> out.append(String.format("    %-32s %s%n", email, who)));
        out.append("\n");
        for (ServiceProcess service : services) {
            CaravanService which = service.service();
            String docs =
                    CaravanService.ALL.contains(which) ? "   API docs " + service.baseUrl() + "/swagger-ui.html" : "";
            out.append(String.format(
                    "  %-21s %s%s   health/metrics http://127.0.0.1:%d/actuator%n",
                    which.name(), service.baseUrl(), docs, which.managementPort()));
        }
        out.append("\n  PostgreSQL 127.0.0.1:")
                .append(infrastructure.postgresPort())
                .append("   Kafka ")
                .append(infrastructure.kafkaBootstrapServers())
                .append("   mail SMTP 127.0.0.1:")
                .append(mail.smtpPort())
                .append(" POP3 127.0.0.1:")
                .append(mail.pop3Port())
                .append("   logs .caravan/logs/\n");
        out.append(
                """

                  Scripts get tokens from the provider (README, "Tokens for scripts"):
                    export COORDINATOR=$(./caravan token coordinator@caravan.example)   # signs in; 15 min
                    export QIAO=$(./caravan token qiao@volunteers.example)
                    export SCRIPT=$(./caravan token coordinator)      # client credentials: caravan-scripts, 12 h
                    curl -s %1$s/api/visits -H "Authorization: Bearer $COORDINATOR"
                    curl -s %1$s/api/volunteers/me/assignments -H "Authorization: Bearer $QIAO"
                    curl -s pop3://127.0.0.1:%2$d/1 -u qiao@volunteers.example:qiao@volunteers.example

                  Qiao's first e-mail arrives once a coordinator offers a place: README.md, "Walk through the story".
                Press Ctrl-C to stop everything.
                """
                        .formatted(gateway, mail.pop3Port()));
        System.out.println(out);
    }

    private static void usage() {
        System.err.println("usage: caravan run [--reset] [--no-demo] | caravan seed | caravan token "
                + String.join("|", ROLES) + " | caravan token EMAIL | caravan token --development "
                + String.join("|", ROLES) + " [SUBJECT]");
    }
}
