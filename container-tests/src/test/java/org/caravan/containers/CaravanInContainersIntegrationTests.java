package org.caravan.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
    /** The sign-up rush: volunteers offered places on one visit's items, more of them than places, ... */
    private static final int RUSH_VOLUNTEERS = 300;
    /** ... three places an item, ten items: thirty places for three hundred answers ... */
    private static final int RUSH_HEADCOUNT = 3;
    /** ... answered this many at a time, each person's next answer as soon as the last came back. */
    private static final int RUSH_CLIENTS = 24;
    /** Offers answered before the rolling restart begins, so that the first replicas stop under the full burst. */
    private static final int ROLLING_WARM_UP = 100;
    /**
     * A steady burst a small machine sustains beside four JVMs starting (measured here: 2 cores, every container
     * on them); unpaced, the burst queued 17,544 offers' notices over 18 minutes of restarts.
     */
    private static final double ROLLING_OFFERS_PER_SECOND = 8;
    /** Places enough for the whole rolling restart at that pace, so that every offer is a real offer. */
    private static final int ROLLING_HEADCOUNT = 500;
    /**
     * The gateway asks for a service's addresses every 2 s and checks each one's readiness every 2 s: a replica
     * healthy in the engine's eyes is given requests again only after both, and an orchestrator likewise waits a
     * little after a replica is ready (Kubernetes' minReadySeconds) before it stops the next one.
     */
    private static final Duration GATEWAY_SEES_A_READY_REPLICA = Duration.ofSeconds(5);

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
                // Plain http on one machine; and the burst's one script sends thousands of requests a minute, as
                // does the rush's, which answers three hundred volunteers' links from one address.
                "CARAVAN_SESSION_COOKIE_SECURE",
                "false",
                "CARAVAN_API_REQUESTS_PER_MINUTE",
                "1000000"));
        environment.put("CARAVAN_LINK_REQUESTS_PER_MINUTE", "1000000");
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
        scaleOut();

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

    @Test
    @Order(5)
    void aSignUpRushOnTwoReplicasFillsEachPlaceOnceWaitlistsTheRestInAnswerOrderAndTellsEveryoneOnce() {
        scaleOut();
        StaffingBurst burst = new StaffingBurst(gateway, coordinator);
        List<String> items = burst.itemsOfAScheduledVisit(RUSH_HEADCOUNT);
        List<Offer> offers = burst.offer(items, RUSH_VOLUNTEERS, RUSH_VOLUNTEERS, () -> {});
        Map<String, String> volunteerByAssignment =
                offers.stream().collect(Collectors.toMap(Offer::assignmentId, Offer::volunteerSubject));
        // The accept link of each offer's notice, as its volunteer finds it in the inbox or the e-mail.
        Map<String, String> acceptLinks = await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> acceptLinks(volunteerByAssignment.keySet()), links -> links.keySet()
                        .containsAll(volunteerByAssignment.keySet()));

        long started = System.nanoTime();
        List<SignUpRush.Answer> answers = SignUpRush.answerAll(acceptLinks, RUSH_CLIENTS);
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(answers).hasSize(RUSH_VOLUNTEERS).allSatisfy(answer -> assertThat(answer.status())
                .as("the answer to %s: %s", answer.assignmentId(), answer.body())
                .isEqualTo(200));
        Map<String, SignUpRush.Answer> answerByAssignment =
                answers.stream().collect(Collectors.toMap(SignUpRush.Answer::assignmentId, answer -> answer));
        List<SignUpRush.Recorded> recorded = query(
                        "volunteer_service",
                        "select id, item_id, status, coalesce(waitlist_order, -1) from assignment where item_id in ("
                                + items.stream().map(item -> "'" + item + "'").collect(Collectors.joining(","))
                                + ")")
                .map(row -> new SignUpRush.Recorded(
                        row[0], row[1], row[2], row[3].equals("-1") ? null : Long.parseLong(row[3])))
                .toList();
        assertThat(recorded)
                .extracting(SignUpRush.Recorded::assignmentId)
                .containsExactlyInAnyOrderElementsOf(volunteerByAssignment.keySet());
        assertThat(recorded).as("every answer as the volunteer was told it").allSatisfy(r -> assertThat(r.status())
                .isEqualTo(SignUpRush.statusIn(answerByAssignment.get(r.assignmentId()))));
        Map<String, Map<String, Long>> statusesByItem = recorded.stream()
                .collect(Collectors.groupingBy(
                        SignUpRush.Recorded::item,
                        Collectors.groupingBy(SignUpRush.Recorded::status, Collectors.counting())));
        assertThat(statusesByItem)
                .as("each item's places filled exactly, everyone else waitlisted")
                .hasSize(items.size())
                .allSatisfy((item, statuses) -> assertThat(statuses)
                        .containsOnly(Map.entry("CONFIRMED", (long) RUSH_HEADCOUNT), Map.entry("WAITLISTED", (long)
                                (RUSH_VOLUNTEERS / items.size() - RUSH_HEADCOUNT))));
        assertThat(SignUpRush.overtaken(recorded, answerByAssignment))
                .as("answers that followed each other are placed in that order")
                .isEmpty();

        long answered = System.nanoTime();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(answerNotices(volunteerByAssignment.keySet()))
                        .hasSize(RUSH_VOLUNTEERS));
        double toldAfter = (System.nanoTime() - answered) / 1e9;
        await().atMost(Duration.ofMinutes(2))
                .untilAsserted(() -> assertThat(lag("notification-service")).isZero());
        Map<String, List<String>> notices = answerNotices(volunteerByAssignment.keySet());
        Map<String, String> statusByAssignment = recorded.stream()
                .collect(Collectors.toMap(SignUpRush.Recorded::assignmentId, SignUpRush.Recorded::status));
        assertThat(notices)
                .as("one notice for each answer, to its volunteer, saying what became of it")
                .hasSize(RUSH_VOLUNTEERS)
                .allSatisfy((assignment, kindAndRecipient) -> assertThat(kindAndRecipient)
                        .containsExactly("ASSIGNMENT_" + statusByAssignment.get(assignment) + " "
                                + volunteerByAssignment.get(assignment)));
        System.out.printf(
                "Sign-up rush: %d volunteers answered %d places on %d items through the gateway, %d at a time, in"
                        + " %.1f s (volunteer-service on 2 replicas, notification-service on 3); every one told %.1f s"
                        + " after the last answer%n",
                RUSH_VOLUNTEERS, RUSH_HEADCOUNT * items.size(), items.size(), RUSH_CLIENTS, seconds, toldAfter);
    }

    @Test
    @Order(6)
    void aRollingRestartOfEveryServiceUnderABurstLosesNothingAndRepeatsNothing() {
        scaleOut();
        // As `kubectl rollout restart` does it: the four services at once, each one replica at a time, the next
        // stopped only once the last is ready again. The gateway and identity-service are left out: each is one
        // replica that clients reach directly, so restarting it is an outage, not a rolling restart.
        // event-service and donation-service are one replica each, so their own routes are down while they
        // restart; the burst calls neither and goes on while they do.
        Map<String, List<String>> replicasByService = new LinkedHashMap<>();
        for (CaravanService service : CaravanService.ALL) {
            replicasByService.put(service.name(), compose.replicas(service.name()));
        }
        int replicas = replicasByService.values().stream().mapToInt(List::size).sum();
        Set<String> earlierVolunteers = assignmentsPerBurstVolunteer().keySet();

        StaffingBurst burst = new StaffingBurst(gateway, coordinator);
        List<String> items = burst.itemsOfAScheduledVisit(ROLLING_HEADCOUNT);
        long started = System.nanoTime();
        Map<String, Duration> restarts = new ConcurrentHashMap<>();
        StaffingBurst.Throughout throughout =
                burst.offerThroughout(items, ROLLING_WARM_UP, ROLLING_OFFERS_PER_SECOND, () -> {
                    List<CompletableFuture<Void>> rollouts = replicasByService.entrySet().stream()
                            .map(service -> CompletableFuture.runAsync(() -> {
                                for (String replica : service.getValue()) {
                                    long stopped = System.nanoTime();
                                    // SIGTERM, as an orchestrator sends it: the replica drains for 5 s, then
                                    // stops within the grace period.
                                    Compose.docker("stop", "--time", "30", replica);
                                    Compose.docker("start", replica);
                                    compose.awaitReplicaHealthy(Duration.ofMinutes(5), service.getKey(), replica);
                                    restarts.put(replica, Duration.ofNanos(System.nanoTime() - stopped));
                                    StaffingBurst.pause(GATEWAY_SEES_A_READY_REPLICA);
                                }
                            }))
                            .toList();
                    rollouts.forEach(CompletableFuture::join);
                });
        double burstSeconds = (System.nanoTime() - started) / 1e9;
        List<Offer> offers = throughout.offers();
        System.out.printf(
                "Rolling restart: %d volunteers registered and offered a place through the gateway in %.1f s (%.1f a"
                        + " second), %d of them while %d replicas of %d services were restarted; each replica was"
                        + " stopped and ready again in %s; %d requests answered 502-504 by the gateway and"
                        + " completed by the client%n",
                offers.size(),
                burstSeconds,
                offers.size() / burstSeconds,
                offers.size() - throughout.beforeDisturbance(),
                replicas,
                replicasByService.size(),
                restarts.values().stream()
                        .sorted()
                        .map(restart -> String.format("%.0f s", restart.toMillis() / 1e3))
                        .collect(Collectors.joining(", ")),
                burst.gatewayFailures());
        assertThat(restarts).as("replicas restarted").hasSize(replicas);
        assertThat(offers.size() - throughout.beforeDisturbance())
                .as("offers answered while the replicas restarted")
                .isPositive();

        Map<String, String> volunteerByAssignment =
                offers.stream().collect(Collectors.toMap(Offer::assignmentId, Offer::volunteerSubject));
        assertThat(assignmentsPerBurstVolunteer())
                .containsOnlyKeys(Stream.concat(
                                earlierVolunteers.stream(), offers.stream().map(Offer::volunteerSubject))
                        .toList())
                .allSatisfy((volunteer, assignments) ->
                        assertThat(assignments).as(volunteer).isEqualTo(1));
        // Every offer of the earlier burst too: a replica restarted must not offer one of those again either.
        Map<String, String> volunteerByNotice = burstAssignments();
        assertThat(volunteerByNotice).containsAllEntriesOf(volunteerByAssignment);
        long waited = System.nanoTime();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(offeredNotices().keySet()).containsAll(volunteerByNotice.keySet()));
        System.out.printf(
                "Rolling restart: every notice stored %.1f s after the burst ended%n",
                (System.nanoTime() - waited) / 1e9);
        assertThat(burst.gatewayFailures())
                .as("requests the gateway could not complete while %d replicas stopped in turn", replicas)
                .isLessThanOrEqualTo(replicas * StaffingBurst.FAILURES_A_STOP_MAY_CAUSE);
        await().atMost(Duration.ofMinutes(2))
                .untilAsserted(() -> assertThat(lag("notification-service")).isZero());

        Map<String, List<String>> notices = offeredNotices();
        assertThat(notices).containsOnlyKeys(volunteerByNotice.keySet());
        notices.forEach((assignment, recipients) ->
                assertThat(recipients).as(assignment).containsExactly(volunteerByNotice.get(assignment)));
        awaitMembersOnDistinctReplicas("notification-service", 3);
    }

    /** notification-service on three replicas and volunteer-service on two, each healthy and working. */
    private static void scaleOut() {
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
    }

    /** Every ASSIGNMENT_OFFERED notice of the burst, by assignment: the recipients, one per notice stored. */
    private static Map<String, List<String>> offeredNotices() {
        return query(
                        "notification_service",
                        "select subject_id, recipient from inbox_entry"
                                + " where kind = 'ASSIGNMENT_OFFERED' and recipient like 'burst-%'")
                .collect(Collectors.groupingBy(row -> row[0], Collectors.mapping(row -> row[1], Collectors.toList())));
    }

    /** The accept link in the ASSIGNMENT_OFFERED notice of each of the assignments that has one stored. */
    private static Map<String, String> acceptLinks(Set<String> assignments) {
        return query(
                        "notification_service",
                        "select e.subject_id, d.params ->> 'acceptLink' from inbox_entry e join delivery d"
                                + " on d.id = e.delivery_id where e.kind = 'ASSIGNMENT_OFFERED' and e.recipient like 'burst-%'")
                .filter(row -> assignments.contains(row[0]))
                .collect(Collectors.toMap(row -> row[0], row -> row[1]));
    }

    /** The answer notices (confirmed or waitlisted) of the assignments, by assignment: kind and recipient of each. */
    private static Map<String, List<String>> answerNotices(Set<String> assignments) {
        return query(
                        "notification_service",
                        "select subject_id, kind, recipient from inbox_entry"
                                + " where kind in ('ASSIGNMENT_CONFIRMED', 'ASSIGNMENT_WAITLISTED') and recipient like 'burst-%'")
                .filter(row -> assignments.contains(row[0]))
                .collect(Collectors.groupingBy(
                        row -> row[0], Collectors.mapping(row -> row[1] + " " + row[2], Collectors.toList())));
    }

    /** How many assignments volunteer-service holds for each volunteer of the burst. */
    private static Map<String, Integer> assignmentsPerBurstVolunteer() {
        return query(
                        "volunteer_service",
                        "select v.subject, count(a.id) from volunteer v left join assignment a on a.volunteer_id = v.id"
                                + " where v.subject like 'burst-%' group by v.subject")
                .collect(Collectors.toMap(row -> row[0], row -> Integer.parseInt(row[1])));
    }

    /** Every assignment volunteer-service holds for a volunteer of a burst, and the volunteer's login subject. */
    private static Map<String, String> burstAssignments() {
        return query(
                        "volunteer_service",
                        "select a.id, v.subject from assignment a join volunteer v on a.volunteer_id = v.id"
                                + " where v.subject like 'burst-%'")
                .collect(Collectors.toMap(row -> row[0], row -> row[1]));
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
