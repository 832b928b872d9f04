package org.caravan.containers;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.caravan.infrastructure.DemoScenario;
import tools.jackson.databind.JsonNode;

/**
 * A busy evening before a visit: one visit of ten stations, then a burst of volunteers registered and offered a
 * place, sixteen requests in flight at a time, all through the gateway. Each offer is one AssignmentOffered event.
 */
final class StaffingBurst {

    static final int ITEMS = 10;
    private static final int IN_FLIGHT = 16;
    private static final String VOLUNTEERS = "volunteer-service";

    /** An offer as volunteer-service answered it: the assignment and the volunteer's login subject. */
    record Offer(String assignmentId, String volunteerSubject) {}

    private final Gateway gateway;
    private final String coordinator;

    StaffingBurst(Gateway gateway, String coordinatorToken) {
        this.gateway = gateway;
        this.coordinator = coordinatorToken;
    }

    /** A scheduled visit whose items each need {@code headcount} helpers, once volunteer-service shows them. */
    List<String> itemsOfAScheduledVisit(int headcount) {
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(21);
        String caravan = gateway.post(
                        "event-service",
                        "/api/caravans",
                        coordinator,
                        Map.of("name", "Busy season caravan " + UUID.randomUUID()))
                .path("id")
                .asString();
        String site = gateway.post(
                        "event-service",
                        "/api/sites",
                        coordinator,
                        DemoScenario.fixture().path("site"))
                .path("id")
                .asString();
        String visit = gateway.post(
                        "event-service",
                        "/api/visits",
                        coordinator,
                        Map.of(
                                "theme",
                                "Busy season",
                                "caravanId",
                                caravan,
                                "siteId",
                                site,
                                "startsAt",
                                day.atTime(9, 0).toString(),
                                "endsAt",
                                day.atTime(17, 0).toString(),
                                "expectedAudience",
                                300))
                .path("id")
                .asString();
        for (int item = 0; item < ITEMS; item++) {
            gateway.post(
                    "event-service",
                    "/api/visits/" + visit + "/programme-items",
                    coordinator,
                    station(day, item, headcount));
        }
        gateway.post("event-service", "/api/visits/" + visit + "/schedule", coordinator, Map.of());
        return awaitStaffingBoard(visit);
    }

    /**
     * {@code offers} volunteers, each registered and offered a place on one of the items in turn; when the
     * {@code midway}-th is sent, {@code disturbance} starts beside the burst. Returns every offer once all answered.
     */
    List<Offer> offer(List<String> items, int offers, int midway, Runnable disturbance) {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<Offer>> pending = new ArrayList<>();
        CompletableFuture<Void> disturbed = CompletableFuture.completedFuture(null);
        for (int i = 0; i < offers; i++) {
            if (i == midway) {
                disturbed = CompletableFuture.runAsync(disturbance);
            }
            inFlight.acquireUninterruptibly();
            pending.add(
                    registerAndOffer(items.get(i % items.size())).whenComplete((offer, failure) -> inFlight.release()));
        }
        disturbed.join();
        return pending.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<Offer> registerAndOffer(String item) {
        String subject = "burst-" + UUID.randomUUID();
        return gateway.postAsync(VOLUNTEERS, "/api/volunteers", coordinator, volunteer(subject))
                .thenCompose(registered -> gateway.postAsync(
                        VOLUNTEERS,
                        "/api/programme-items/" + item + "/assignments",
                        coordinator,
                        Map.of(
                                "role",
                                "helper",
                                "volunteerId",
                                registered.path("id").asString())))
                .thenApply(assignment -> new Offer(assignment.path("id").asString(), subject));
    }

    /** volunteer-service knows the items once it has consumed VisitScheduled. */
    private List<String> awaitStaffingBoard(String visit) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            JsonNode board = gateway.get(VOLUNTEERS, "/api/visits/" + visit + "/staffing", coordinator);
            if (board.size() == ITEMS) {
                return board.valueStream()
                        .map(line -> line.path("itemId").asString())
                        .toList();
            }
            Compose.sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("volunteer-service never showed the staffing board of visit " + visit);
    }

    private static Map<String, Object> station(LocalDate day, int item, int headcount) {
        return Map.of(
                "title",
                "Station " + (item + 1),
                "kind",
                "PERFORMANCE",
                "startsAt",
                day.atTime(LocalTime.of(9, 0).plusMinutes(30L * item)).toString(),
                "durationMinutes",
                20,
                "needs",
                List.of(Map.of("role", "helper", "skills", List.of("LOGISTICS"), "headcount", headcount)),
                "teamSlots",
                0);
    }

    private static Map<String, Object> volunteer(String subject) {
        return Map.of(
                "subject",
                subject,
                "name",
                "Volunteer " + subject.substring(6, 14),
                "skills",
                List.of("LOGISTICS"),
                "languages",
                List.of("zh-CN"),
                "district",
                "大兴区 Daxing",
                "locale",
                "zh-CN",
                "timeZone",
                "Asia/Shanghai",
                "contactPreferences",
                Map.of("channels", List.of("INBOX")));
    }
}
