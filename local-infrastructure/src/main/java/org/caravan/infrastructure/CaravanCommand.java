package org.caravan.infrastructure;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import tools.jackson.databind.JsonNode;

/**
 * {@code run [--reset]}: PostgreSQL, Kafka and the four services, with data kept in {@code .caravan/} until
 * reset; Ctrl-C stops them all. {@code seed}: the Dandelion School visit, its volunteers and teams, into the running system.
 * {@code token ROLE [SUBJECT]}: a development token for that role.
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
            case "run" -> run(arguments.contains("--reset"));
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
        String visitId = scenario.load();
        System.out.println("Scheduled the Dandelion School visit: " + events + "/api/visits/" + visitId);
        String volunteers = local("volunteer-service");
        int people = new DemoPeople(volunteers, token).load().size();
        System.out.println("Registered " + people + " volunteers and three teams: " + volunteers + "/api/teams");
        JsonNode visit = scenario.visit(visitId);
        String donations = local("donation-service");
        int pledges = new DemoDonations(donations, token)
                .load(
                        visitId,
                        visit.path("site").path("id").asString(),
                        LocalDate.parse(visit.path("startsAt").asString().substring(0, 10)))
                .size();
        System.out.println(
                "Recorded " + pledges + " donors' pledges: " + donations + "/api/visits/" + visitId + "/donations");
    }

    private static String local(String service) {
        return "http://127.0.0.1:" + CaravanService.named(service).httpPort();
    }

    private static void run(boolean reset) throws InterruptedException {
        if (reset) {
            PostgresServer.deleteRecursively(STATE);
        }
        Instant started = Instant.now();
        DevelopmentTokens tokens = DevelopmentTokens.in(STATE.resolve("keys"));
        EmbeddedInfrastructure infrastructure =
                EmbeddedInfrastructure.start(STATE.resolve("data"), configuredPorts(), true);
        List<ServiceProcess> services = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(services, infrastructure, stopped), "caravan-stop"));
        for (CaravanService service : CaravanService.ALL) {
            Map<String, String> settings = infrastructure.serviceProperties(service.database());
            settings.put(
                    "caravan.security.public-key-location",
                    "file:" + tokens.publicKeyFile().toAbsolutePath());
            services.add(
                    ServiceProcess.start(service, service.executableJar(Path.of("")), settings, STATE.resolve("logs")));
        }
        services.forEach(s -> s.awaitReady(Duration.ofMinutes(4)));
        printWelcome(services, infrastructure, tokens, Duration.between(started, Instant.now()));
        stopped.await();
    }

    private static EmbeddedInfrastructure.Ports configuredPorts() {
        return new EmbeddedInfrastructure.Ports(
                port("CARAVAN_POSTGRES_PORT", 15432),
                port("CARAVAN_KAFKA_PORT", 19092),
                port("CARAVAN_KAFKA_CONTROLLER_PORT", 19093));
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
    }

    private static void stop(List<ServiceProcess> services, Infrastructure infrastructure, CountDownLatch stopped) {
        System.out.println("Stopping Caravan...");
        services.parallelStream().forEach(ServiceProcess::close);
        infrastructure.close();
        stopped.countDown();
        System.out.println("Stopped.");
    }

    private static void printWelcome(
            List<ServiceProcess> services, Infrastructure infrastructure, DevelopmentTokens tokens, Duration took) {
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
                .append(
                        "   logs .caravan/logs/\n\n  Coordinator token (12 h; more with ./caravan token ROLE [SUBJECT]):\n\n")
                .append(tokens.mint("local-coordinator", "coordinator"))
                .append("\n\nPress Ctrl-C to stop everything.\n");
        System.out.println(out);
    }

    private static void usage() {
        System.err.println("usage: caravan run [--reset] | caravan seed | caravan token " + String.join("|", ROLES)
                + " [SUBJECT]");
    }
}
