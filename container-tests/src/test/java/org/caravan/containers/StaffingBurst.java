package org.caravan.containers;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;
import org.caravan.infrastructure.BusySeason;
import org.caravan.infrastructure.DemoScenario;
import tools.jackson.databind.JsonNode;

/**
 * A busy evening before a visit: one visit of ten stations, then a burst of volunteers registered and offered a
 * place by sixteen clients at once, all through the gateway. Each offer is one AssignmentOffered event.
 */
final class StaffingBurst {

    static final int ITEMS = BusySeason.STATIONS_PER_VISIT;
    private static final int IN_FLIGHT = 16;
    /**
     * The gateway sends no new request to a replica once it says it is stopping, so a client sees 502 only for a
     * write in flight on a connection the stopping replica closed: a few tries are plenty.
     */
    private static final int ATTEMPTS = 5;

    private static final Duration PAUSE = Duration.ofMillis(500);
    /** Far more than the first offers of a paced burst take, even on a busy two-core machine. */
    private static final Duration WARM_UP_PATIENCE = Duration.ofMinutes(3);

    /** At most the requests in flight when a replica stops may fail at the gateway. */
    static final int FAILURES_A_STOP_MAY_CAUSE = IN_FLIGHT;

    /** An offer as volunteer-service answered it: the assignment and the volunteer's login subject. */
    record Offer(String assignmentId, String volunteerSubject) {}

    private final Gateway gateway;
    private final String coordinator;
    private final AtomicInteger gatewayFailures = new AtomicInteger();

    /** {@code coordinator}: a coordinator's token from the provider (the operators' scripts client). */
    StaffingBurst(Gateway gateway, String coordinator) {
        this.gateway = gateway;
        this.coordinator = coordinator;
    }

    /** A scheduled visit whose items each need {@code headcount} helpers, once volunteer-service shows them. */
    List<String> itemsOfAScheduledVisit(int headcount) {
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(21);
        String caravan = gateway.post(
                        "/api/caravans", coordinator, Map.of("name", "Busy season caravan " + UUID.randomUUID()))
                .path("id")
                .asString();
        String site = gateway.post(
                        "/api/sites", coordinator, DemoScenario.fixture().path("site"))
                .path("id")
                .asString();
        String visit = gateway.post("/api/visits", coordinator, BusySeason.visit("Busy season", caravan, site, day))
                .path("id")
                .asString();
        for (int item = 0; item < ITEMS; item++) {
            gateway.post(
                    "/api/visits/" + visit + "/programme-items", coordinator, BusySeason.station(day, item, headcount));
        }
        gateway.post("/api/visits/" + visit + "/schedule", coordinator, Map.of());
        return awaitStaffingBoard(visit);
    }

    /**
     * {@code offers} volunteers, each registered and offered a place on one of the items in turn; when the
     * {@code midway}-th starts, {@code disturbance} runs beside the burst. Returns every offer.
     */
    List<Offer> offer(List<String> items, int offers, int midway, Runnable disturbance) {
        return withClients(clients -> {
            List<Future<Offer>> pending = new ArrayList<>();
            Future<?> disturbed = CompletableFuture.completedFuture(null);
            for (int i = 0; i < offers; i++) {
                if (i == midway) {
                    disturbed = CompletableFuture.runAsync(disturbance);
                }
                String item = items.get(i % items.size());
                pending.add(clients.submit(() -> registerAndOffer(item)));
            }
            disturbed.get();
            List<Offer> answered = new ArrayList<>();
            for (Future<Offer> offer : pending) {
                answered.add(offer.get());
            }
            return answered;
        });
    }

    /**
     * Volunteers registered and offered a place at {@code perSecond} (or as fast as the system answers, if slower),
     * for as long as {@code disturbance} runs: it starts once {@code warmUp} offers are answered, so that it meets
     * the burst in full flow, and the burst outlasts it however long it takes on the machine at hand. The pace keeps
     * the work a disturbance leaves behind bounded: an unpaced burst on a small machine queues notices for minutes.
     * Returns every offer and how many were answered before the disturbance began.
     */
    Throughout offerThroughout(List<String> items, int warmUp, double perSecond, Runnable disturbance) {
        Queue<Offer> answered = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean over = new AtomicBoolean();
        long begun = System.nanoTime();
        long interval = Math.round(1e9 / perSecond);
        return withClients(clients -> {
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int client = 0; client < IN_FLIGHT; client++) {
                    running.add(clients.submit(() -> {
                        while (!over.get()) {
                            int offer = next.getAndIncrement();
                            long due = begun + offer * interval;
                            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                                LockSupport.parkNanos(wait);
                            }
                            answered.add(registerAndOffer(items.get(offer % items.size())));
                        }
                    }));
                }
                await().alias(warmUp + " offers answered before the disturbance")
                        .atMost(WARM_UP_PATIENCE)
                        .pollInterval(PAUSE)
                        .until(() -> {
                            for (Future<?> client : running) {
                                if (client.isDone()) {
                                    client.get(); // a client that stopped before the disturbance began failed: say why
                                }
                            }
                            return answered.size() >= warmUp;
                        });
                int beforeDisturbance = answered.size();
                try {
                    disturbance.run();
                } finally {
                    over.set(true);
                }
                for (Future<?> client : running) {
                    client.get();
                }
                return new Throughout(List.copyOf(answered), beforeDisturbance);
            } finally {
                over.set(true);
            }
        });
    }

    /** The offers of a burst that ran throughout a disturbance, and how many were answered before it began. */
    record Throughout(List<Offer> offers, int beforeDisturbance) {}

    /** Requests the gateway answered 502-504 because the replica it chose stopped while handling them. */
    int gatewayFailures() {
        return gatewayFailures.get();
    }

    /**
     * As a careful client does it: when the gateway says the replica failed, it asks whether the request took
     * effect before sending it again, so a stopped replica never makes a second volunteer or a second offer.
     */
    private Offer registerAndOffer(String item) {
        String subject = "burst-" + UUID.randomUUID();
        JsonNode registered = once(
                () -> gateway.send(gateway.postRequest("/api/volunteers", coordinator, BusySeason.helper(subject))),
                () -> gateway.send(gateway.request("/api/volunteers?subject=" + subject, coordinator)
                        .GET()),
                found -> found.valueStream().findFirst());
        String volunteerId = registered.path("id").asString();
        JsonNode assignment = once(
                () -> gateway.send(gateway.postRequest(
                        "/api/programme-items/" + item + "/assignments",
                        coordinator,
                        Map.of("role", "helper", "volunteerId", volunteerId))),
                () -> gateway.send(gateway.request("/api/programme-items/" + item + "/assignments", coordinator)
                        .GET()),
                found -> found.valueStream()
                        .filter(placement ->
                                placement.path("volunteerId").asString().equals(volunteerId))
                        .findFirst());
        return new Offer(assignment.path("id").asString(), subject);
    }

    private JsonNode once(
            Supplier<HttpResponse<String>> request,
            Supplier<HttpResponse<String>> check,
            Function<JsonNode, Optional<JsonNode>> done) {
        HttpResponse<String> response = request.get();
        for (int attempt = 1; attempt < ATTEMPTS && failedAtTheGateway(response); attempt++) {
            gatewayFailures.incrementAndGet();
            // The check may reach the stopping replica too: ask again (a read changes nothing) before deciding.
            HttpResponse<String> checked = check.get();
            for (int asked = 1; asked < ATTEMPTS && failedAtTheGateway(checked); asked++) {
                gatewayFailures.incrementAndGet();
                pause();
                checked = check.get();
            }
            Optional<JsonNode> found = done.apply(Gateway.expectSuccess(checked));
            if (found.isPresent()) {
                return found.get();
            }
            pause();
            response = request.get();
        }
        return Gateway.expectSuccess(response);
    }

    /** What a burst's clients do, on {@link #IN_FLIGHT} threads stopped when it ends, however it ends. */
    private interface ClientsWork<T> {
        T run(ExecutorService clients) throws InterruptedException, ExecutionException;
    }

    private static <T> T withClients(ClientsWork<T> work) {
        ExecutorService clients = Executors.newFixedThreadPool(IN_FLIGHT);
        try {
            return work.run(clients);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            clients.shutdownNow();
        }
    }

    private static void pause() {
        pause(PAUSE);
    }

    /** A client's pause before it asks again, or an orchestrator's wait it is told to keep. */
    static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean failedAtTheGateway(HttpResponse<String> response) {
        return response.statusCode() >= 502 && response.statusCode() <= 504;
    }

    /** volunteer-service knows the items once it has consumed VisitScheduled. */
    private List<String> awaitStaffingBoard(String visit) {
        return await().alias("volunteer-service showing the staffing board of visit " + visit)
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> gateway.get("/api/visits/" + visit + "/staffing", coordinator),
                        board -> board.size() == ITEMS)
                .valueStream()
                .map(line -> line.path("itemId").asString())
                .toList();
    }
}
