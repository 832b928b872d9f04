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
 * {@code run [--reset] [--no-demo]}: PostgreSQL, Kafka and the four services, with data kept in {@code .caravan/}
 * until reset (the token key in {@code keys/}, the random answer-link and webhook secrets in {@code secrets/}), and
 * the Dandelion School demo loaded on a first start; Ctrl-C stops them all. {@code seed}: the
 * demo (visit, people, gifts) into the running system. {@code token ROLE [SUBJECT]}: a development token.
 */
public final class CaravanCommand {

    private static final Path STATE = Path.of(".caravan").toAbsolutePath();
    private static final List<String> ROLES = List.of("coordinator", "volunteer", "donor_liaison", "operator");

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

    private static void token(List<String> arguments) {
        if (arguments.isEmpty() || !ROLES.contains(arguments.get(0))) {
            usage();
            return;
        }
        String role = arguments.get(0);
        String subject = arguments.size() > 1 ? arguments.get(1) : "local-" + role.replace('_', '-');
        System.out.println(DevelopmentTokens.in(STATE.resolve("keys")).mint(subject, role));
    }

    /** Loads the Dandelion School visit, its people and its gifts into a running system, as "local-coordinator". */
    private static void seed() {
        String token = DevelopmentTokens.in(STATE.resolve("keys")).mint("local-coordinator", "coordinator");
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
        DevelopmentTokens tokens = DevelopmentTokens.in(STATE.resolve("keys"));
        LocalSecrets secrets = LocalSecrets.in(STATE.resolve("secrets"));
        System.out.println("Starting PostgreSQL, Kafka and a local mail server...");
        EmbeddedInfrastructure infrastructure =
                EmbeddedInfrastructure.start(STATE.resolve("data"), ports.infrastructure(), true);
        LocalMailServer mail = LocalMailServer.start(ports.smtp(), ports.pop3());
        List<ServiceProcess> services = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> stop(services, infrastructure, mail, stopped), "caravan-stop"));
        System.out.println("Starting the four services (about a minute on two cores)...");
        for (CaravanService service : CaravanService.ALL) {
            Map<String, String> settings = infrastructure.serviceProperties(service.database());
            settings.put("spring.mail.host", "127.0.0.1");
            settings.put("spring.mail.port", String.valueOf(mail.smtpPort()));
            settings.put(
                    "caravan.security.public-key-location",
                    "file:" + tokens.publicKeyFile().toAbsolutePath());
            settings.putAll(secrets.serviceSettings());
            services.add(
                    ServiceProcess.start(service, service.executableJar(Path.of("")), settings, STATE.resolve("logs")));
        }
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
        printWelcome(services, infrastructure, mail, tokens, Duration.between(started, Instant.now()));
        stopped.await();
    }

    /** A port in use is named, with what would use it, before anything starts. */
    private static void requireFreePorts(LocalPorts ports) {
        Map<Integer, String> wanted = new LinkedHashMap<>();
        wanted.put(ports.postgres(), "PostgreSQL (CARAVAN_POSTGRES_PORT)");
        wanted.put(ports.kafka(), "Kafka (CARAVAN_KAFKA_PORT)");
        wanted.put(ports.kafkaController(), "Kafka's controller (CARAVAN_KAFKA_CONTROLLER_PORT)");
        wanted.put(ports.smtp(), "the local mail server's SMTP (CARAVAN_MAIL_SMTP_PORT)");
        wanted.put(ports.pop3(), "the local mail server's POP3 (CARAVAN_MAIL_POP3_PORT)");
        for (CaravanService service : CaravanService.ALL) {
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
            List<ServiceProcess> services,
            Infrastructure infrastructure,
            LocalMailServer mail,
            DevelopmentTokens tokens,
            Duration took) {
        StringBuilder out = new StringBuilder("\nCaravan is running (started in " + took.toSeconds() + " s).\n\n");
        for (ServiceProcess service : services) {
            out.append(String.format(
                    "  %-21s %s   API docs %s/swagger-ui.html   health/metrics http://127.0.0.1:%d/actuator%n",
                    service.service().name(),
                    service.baseUrl(),
                    service.baseUrl(),
                    service.service().managementPort()));
        }
        out.append("\n  PostgreSQL 127.0.0.1:")
                .append(infrastructure.postgresPort())
                .append("   Kafka ")
                .append(infrastructure.kafkaBootstrapServers())
                .append("   mail SMTP 127.0.0.1:")
                .append(mail.smtpPort())
                .append(" POP3 127.0.0.1:")
                .append(mail.pop3Port())
                .append("   logs .caravan/logs/\n\n  Tokens (12 h; more with ./caravan token ROLE [SUBJECT]):\n\n");
        Map<String, String> people = new LinkedHashMap<>();
        people.put("COORDINATOR", tokens.mint("local-coordinator", "coordinator"));
        people.put("QIAO", tokens.mint("volunteer-qiao-yuanhui", "volunteer"));
        people.put("XIAOMI_LEAD", tokens.mint("volunteer-xiaomi-lead", "volunteer"));
        people.put("LIAISON", tokens.mint("liaison-huazhang", "donor_liaison"));
        people.put("OPERATOR", tokens.mint("local-operator", "operator"));
        people.forEach((name, token) ->
                out.append("  export ").append(name).append('=').append(token).append("\n"));
        out.append(
                """

                  Try:
                    curl -s localhost:8081/api/visits -H "Authorization: Bearer $COORDINATOR"
                    curl -s localhost:8082/api/volunteers/me/assignments -H "Authorization: Bearer $QIAO"
                    curl -s localhost:8084/api/inbox -H "Authorization: Bearer $LIAISON"
                    curl -s pop3://127.0.0.1:%d/1 -u qiao@volunteers.example:qiao@volunteers.example

                  Qiao's first e-mail arrives once a coordinator offers a place: README.md, "Walk through the story".
                Press Ctrl-C to stop everything.
                """
                        .formatted(mail.pop3Port()));
        System.out.println(out);
    }

    private static void usage() {
        System.err.println("usage: caravan run [--reset] [--no-demo] | caravan seed | caravan token "
                + String.join("|", ROLES) + " [SUBJECT]");
    }
}
