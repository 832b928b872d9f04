package org.caravan.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.caravan.containers.StaffingBurst.Offer;
import org.caravan.infrastructure.BusySeason;
import org.caravan.infrastructure.CaravanService;
import org.caravan.infrastructure.DemoScenario;
import org.caravan.infrastructure.FormBrowser;
import org.caravan.infrastructure.FreePorts;
import org.caravan.infrastructure.LocalMailServer;
import org.caravan.infrastructure.LocalSecrets;
import org.caravan.infrastructure.ProviderTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Caravan as an operator runs it: the images built from this checkout, docker-compose.yml brought up, people and
 * scripts signed in at the provider's container and every request through the gateway's one published port, then
 * replicas added and one of each taken down in the middle of a burst.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaravanInContainersIntegrationTests {

    private static final List<String> SERVICES = Stream.concat(
                    CaravanService.ALL.stream(), Stream.of(CaravanService.IDENTITY, CaravanService.GATEWAY))
            .map(CaravanService::name)
            .toList();
    private static final String[] EVERYTHING = {
        "postgres",
        "kafka",
        "identity-service",
        "gateway",
        "event-service",
        "volunteer-service",
        "donation-service",
        "notification-service"
    };
    private static final long CONTAINER_MEMORY = 768L * 1024 * 1024;
    private static final int BURST = 1_000;

    @TempDir
    static Path state;

    private static Compose compose;
    private static Gateway gateway;
    private static LocalMailServer mail;
    private static String issuer;
    private static String coordinator;

    @BeforeAll
    static void composeUp() {
        if (!Compose.engineAnswers()) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("No Docker engine answers, and CI must run the container tests");
            }
            Assumptions.abort("No Docker engine answers here: the container tests did not run");
        }
        // The operator's SMTP server, on this machine: the provider's invitations arrive here.
        mail = LocalMailServer.reachableFromContainers();
        int gatewayPort = FreePorts.next();
        int identityPort = FreePorts.next();
        issuer = "http://localhost:" + identityPort;
        Map<String, String> environment = new HashMap<>(Map.of(
                "CARAVAN_IMAGE_TAG",
                "container-tests",
                "CARAVAN_PORT",
                String.valueOf(gatewayPort),
                "CARAVAN_PUBLIC_URL",
                "http://localhost:" + gatewayPort,
                "CARAVAN_IDENTITY_PORT",
                String.valueOf(identityPort),
                "CARAVAN_IDENTITY_PUBLIC_URL",
                issuer,
                "CARAVAN_SMTP_HOST",
                "host.docker.internal",
                "CARAVAN_SMTP_PORT",
                String.valueOf(mail.smtpPort()),
                // Plain http on one machine; and the burst's one script sends thousands of requests a minute.
                "CARAVAN_SESSION_COOKIE_SECURE",
                "false",
                "CARAVAN_API_REQUESTS_PER_MINUTE",
                "1000000"));
        // docker-compose.yml has no default for the secrets: an operator must set them, and so does this test.
        LocalSecrets secrets = LocalSecrets.in(state.resolve("secrets"));
        environment.putAll(secrets.composeEnvironment());
        compose = new Compose("caravan-container-tests", environment);
        gateway = new Gateway("http://localhost:" + gatewayPort);
        compose.compose(Duration.ofMinutes(2), "down", "--volumes", "--remove-orphans");
        compose.compose(Duration.ofMinutes(20), "build");
        compose.compose(Duration.ofMinutes(5), "up", "--detach");
        compose.awaitHealthy(Duration.ofMinutes(5), EVERYTHING);
        coordinator = new ProviderTokens(issuer).forScripts(secrets.scriptsClient(), "coordinator");
    }

    @AfterAll
    static void composeDown() throws IOException {
        if (compose != null) {
            // The containers go even when their logs cannot be read (a failed start leaves some never created).
            try {
                Files.writeString(
                        Path.of("target", "containers.log"),
                        compose.compose(Duration.ofMinutes(1), "logs", "--no-color"));
            } finally {
                compose.compose(Duration.ofMinutes(2), "down", "--volumes", "--remove-orphans");
            }
        }
        if (mail != null) {
            mail.close();
        }
    }

    @Test
    @Order(1)
    void everyServiceRunsAsANonRootUserWithItsHealthCheckAndAHeapSizedByTheContainersMemory() {
        for (String service : SERVICES) {
            String container = compose.replicas(service).get(0);
            assertThat(Compose.docker("exec", container, "id", "-u").strip())
                    .as(service)
                    .isEqualTo("10001");
            assertThat(Compose.docker("inspect", "--format", "{{json .Config.Healthcheck.Test}}", container))
                    .as(service)
                    .contains("caravan-healthcheck");
            long maxHeap = Arrays.stream(Compose.docker("exec", container, "java", "-XX:+PrintFlagsFinal", "-version")
                            .split("\n"))
                    .filter(line -> line.contains(" MaxHeapSize "))
                    .mapToLong(line -> Long.parseLong(line.replaceAll(".*=\\s*(\\d+).*", "$1")))
                    .findFirst()
                    .orElseThrow();
            assertThat(maxHeap).as(service).isBetween(CONTAINER_MEMORY * 6 / 10, CONTAINER_MEMORY * 3 / 4);
        }
    }

    @Test
    @Order(2)
    void aVisitScheduledThroughTheGatewayReachesTheCoordinatorsInbox() {
        String visit = new DemoScenario(gateway.base(), coordinator).draft();
        gateway.post("/api/visits/" + visit + "/schedule", coordinator, Map.of());

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(gateway.get("/api/inbox", coordinator))
                .anySatisfy(
                        entry -> assertThat(entry.path("subjectId").asString()).isEqualTo(visit)));
    }

    @Test
    @Order(3)
    void aRegisteredVolunteerIsInvitedByEmailSignsInThroughTheGatewayAndSeesTheirOffer() {
        String subject = "volunteer-" + UUID.randomUUID();
        String email = subject + "@volunteers.example";
        String password = "a-password-of-" + subject.substring(subject.length() - 8);
        StaffingBurst staffing = new StaffingBurst(gateway, coordinator);
        String item = staffing.itemsOfAScheduledVisit(1).get(0);
        Map<String, Object> volunteer = new HashMap<>(BusySeason.helper(subject));
        volunteer.put("email", email);
        volunteer.put("locale", "en");
        String volunteerId = gateway.post("/api/volunteers", coordinator, volunteer)
                .path("id")
                .asString();

        Pattern invitation = Pattern.compile(Pattern.quote(issuer) + "/password/new\\?token=[A-Za-z0-9_-]+");
        String link = await().alias("the provider's invitation to " + email)
                .atMost(Duration.ofMinutes(1))
                .until(() -> mail.found(email, invitation), Optional::isPresent)
                .orElseThrow();
        assertThat(new FormBrowser(issuer).choosePassword(link, password).status())
                .isIn(200, 302, 303);
        String assignment = gateway.post(
                        "/api/programme-items/" + item + "/assignments",
                        coordinator,
                        Map.of("role", "helper", "volunteerId", volunteerId))
                .path("id")
                .asString();

        FormBrowser browser = new FormBrowser(gateway.base());
        List<FormBrowser.Page> signIn = browser.signIn(email, password);
        assertThat(signIn.get(signIn.size() - 1).uri().toString()).isEqualTo(gateway.base() + "/");
        assertThat(signIn.get(signIn.size() - 1).body()).as("the web app").contains("<div id=\"root\"");
        FormBrowser.Page me = browser.api("GET", "/api/volunteers/me", null, false);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(JsonMapper.shared().readTree(me.body()).path("subject").asString())
                .isEqualTo(subject);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            FormBrowser.Page inbox = browser.api("GET", "/api/inbox", null, false);
            assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
            assertThat(JsonMapper.shared().readTree(inbox.body()))
                    .singleElement()
                    .satisfies(entry -> {
                        assertThat(entry.path("kind").asString()).isEqualTo("ASSIGNMENT_OFFERED");
                        assertThat(entry.path("subjectId").asString()).isEqualTo(assignment);
                    });
        });
    }

    @Test
    @Order(4)
    void scaledOutReplicasShareTheWorkAndEveryOfferReachesItsVolunteerExactlyOnceThroughRestarts() {
        compose.compose(
                Duration.ofMinutes(5),
                "up",
                "--detach",
                "--no-recreate",
                "--scale",
                "notification-service=3",
                "--scale",
                "volunteer-service=2");
        compose.awaitHealthy(Duration.ofMinutes(5), "notification-service", "volunteer-service");
        awaitMembersOnDistinctReplicas("notification-service", 3);

        StaffingBurst burst = new StaffingBurst(gateway, coordinator);
        List<String> items = burst.itemsOfAScheduledVisit(BURST / StaffingBurst.ITEMS);
        long started = System.nanoTime();
        List<Offer> offers = burst.offer(items, BURST, BURST * 2 / 5, () -> {
            String notifications = compose.replicas("notification-service").get(0);
            String volunteers = compose.replicas("volunteer-service").get(0);
            Compose.docker("kill", notifications);
            Compose.docker("stop", "--time", "30", volunteers);
            Compose.docker("start", volunteers, notifications);
        });

        assertThat(offers).hasSize(BURST);
        assertThat(assignmentsPerBurstVolunteer())
                .containsOnlyKeys(offers.stream().map(Offer::volunteerSubject).toList())
                .allSatisfy((volunteer, assignments) ->
                        assertThat(assignments).as(volunteer).isEqualTo(1));
        Map<String, String> volunteerByAssignment =
                offers.stream().collect(Collectors.toMap(Offer::assignmentId, Offer::volunteerSubject));
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(offeredNotices().keySet()).containsAll(volunteerByAssignment.keySet()));
        System.out.printf(
                "%d volunteers registered and offered a place through the gateway, every notice stored %.1f s after"
                        + " the first request; one notification replica killed, one volunteer replica restarted,"
                        + " %d requests answered 502-504 by the gateway and completed by the client%n",
                BURST, (System.nanoTime() - started) / 1e9, burst.gatewayFailures());
        assertThat(burst.gatewayFailures())
                .as("requests the gateway could not complete while a volunteer replica stopped: it moves new ones to"
                        + " the other replica")
                .isLessThanOrEqualTo(StaffingBurst.FAILURES_A_STOP_MAY_CAUSE);
        compose.awaitHealthy(Duration.ofMinutes(3), "notification-service", "volunteer-service");
        await().atMost(Duration.ofMinutes(2))
                .untilAsserted(() -> assertThat(lag("notification-service")).isZero());

        Map<String, List<String>> notices = offeredNotices();
        assertThat(notices).hasSize(BURST);
        notices.forEach((assignment, recipients) ->
                assertThat(recipients).as(assignment).containsExactly(volunteerByAssignment.get(assignment)));
        awaitMembersOnDistinctReplicas("notification-service", 3);
    }

    /** Every ASSIGNMENT_OFFERED notice of the burst, by assignment: the recipients, one per notice stored. */
    private static Map<String, List<String>> offeredNotices() {
        return query(
                        "notification_service",
                        "select subject_id, recipient from inbox_entry"
                                + " where kind = 'ASSIGNMENT_OFFERED' and recipient like 'burst-%'")
                .collect(Collectors.groupingBy(row -> row[0], Collectors.mapping(row -> row[1], Collectors.toList())));
    }

    /** How many assignments volunteer-service holds for each volunteer of the burst. */
    private static Map<String, Integer> assignmentsPerBurstVolunteer() {
        return query(
                        "volunteer_service",
                        "select v.subject, count(a.id) from volunteer v left join assignment a on a.volunteer_id = v.id"
                                + " where v.subject like 'burst-%' group by v.subject")
                .collect(Collectors.toMap(row -> row[0], row -> Integer.parseInt(row[1])));
    }

    /** Rows of a query in a service's database, read with psql inside the PostgreSQL container. */
    private static Stream<String[]> query(String database, String sql) {
        return compose.exec(
                        "postgres",
                        "psql",
                        "--username=caravan",
                        "--dbname=" + database,
                        "--no-align",
                        "--tuples-only",
                        "--field-separator= ",
                        "--command=" + sql)
                .lines()
                .filter(line -> !line.isBlank())
                .map(line -> line.split(" "));
    }

    /** Waits until the consumer group has members on {@code replicas} different containers, each with partitions. */
    private static void awaitMembersOnDistinctReplicas(String group, int replicas) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(3))
                .untilAsserted(() -> {
                    List<Map<String, String>> members = consumerGroups(group, "--members");
                    assertThat(members.stream()
                                    .map(member -> member.get("HOST"))
                                    .distinct())
                            .hasSize(replicas);
                    assertThat(members).allSatisfy(member -> assertThat(Integer.parseInt(member.get("#PARTITIONS")))
                            .isPositive());
                });
    }

    /** Records the group's consumers have yet to read, over every partition of every topic it reads. */
    private static long lag(String group) {
        return consumerGroups(group).stream()
                .mapToLong(partition -> partition.get("LAG").equals("-")
                        ? Long.parseLong(partition.get("LOG-END-OFFSET"))
                        : Long.parseLong(partition.get("LAG")))
                .sum();
    }

    /** kafka-consumer-groups.sh --describe, one map per row keyed by the table's own headings. */
    private static List<Map<String, String>> consumerGroups(String group, String... options) {
        String[] command = new String[4 + options.length + 2];
        System.arraycopy(
                new String[] {
                    "/opt/kafka/bin/kafka-consumer-groups.sh", "--bootstrap-server", "localhost:9092", "--describe"
                },
                0,
                command,
                0,
                4);
        System.arraycopy(options, 0, command, 4, options.length);
        command[4 + options.length] = "--group";
        command[5 + options.length] = group;
        List<String[]> rows = compose.exec("kafka", command)
                .lines()
                .filter(line -> !line.isBlank())
                .map(line -> line.strip().split("\\s+"))
                .toList();
        int heading = 0;
        while (!rows.get(heading)[0].equals("GROUP")) {
            heading++;
        }
        String[] headings = rows.get(heading);
        return rows.subList(heading + 1, rows.size()).stream()
                .filter(row -> row.length == headings.length)
                .map(row -> {
                    Map<String, String> cells = new HashMap<>();
                    for (int i = 0; i < headings.length; i++) {
                        cells.put(headings[i], row[i]);
                    }
                    return cells;
                })
                .toList();
    }
}
