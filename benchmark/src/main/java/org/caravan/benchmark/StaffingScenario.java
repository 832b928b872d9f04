package org.caravan.benchmark;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.caravan.infrastructure.BusySeason;
import org.caravan.infrastructure.DemoScenario;
import org.caravan.infrastructure.DevelopmentTokens;
import tools.jackson.databind.JsonNode;

/**
 * What the benchmark accepts: visits with many programme items of limited headcount, and more offers than places,
 * so that items fill up and waitlists form as in a busy season. Everything goes in through the public APIs.
 */
final class StaffingScenario {

    static final int ITEMS_PER_VISIT = BusySeason.STATIONS_PER_VISIT;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** An offer waiting for its volunteer's answer, and that volunteer's token. */
    record Offer(String assignmentId, String token) {

        /** The volunteer's accept of this offer, sent to the replica at {@code baseUrl}. */
        OpenLoop.Call accept(String baseUrl) {
            return new OpenLoop.Call(
                    assignmentId,
                    HttpRequest.newBuilder(URI.create(baseUrl + "/api/assignments/" + assignmentId + "/accept"))
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build());
        }
    }

    private final Http http;
    private final String events;
    private final String volunteers;
    private final DevelopmentTokens tokens;
    private final String coordinator;

    StaffingScenario(Http http, String events, String volunteers, DevelopmentTokens tokens) {
        this.http = http;
        this.events = events;
        this.volunteers = volunteers;
        this.tokens = tokens;
        this.coordinator = tokens.mint("benchmark-coordinator", "coordinator");
    }

    /** Items with {@code headcount} places each, {@code offers} offers spread over them, shuffled. */
    List<Offer> prepare(int visits, int headcount, int offers) {
        List<String> items = new ArrayList<>();
        String caravan = http.post(
                        events + "/api/caravans",
                        coordinator,
                        Map.of("name", "Benchmark caravan " + UUID.randomUUID(), "description", "load"))
                .path("id")
                .asString();
        String site = http.post(
                        events + "/api/sites",
                        coordinator,
                        DemoScenario.fixture().path("site"))
                .path("id")
                .asString();
        for (int visit = 0; visit < visits; visit++) {
            items.addAll(visitWithItems(caravan, site, LocalDate.now(BEIJING).plusDays(14 + visit), headcount));
        }
        List<CompletableFuture<Offer>> pending = new ArrayList<>();
        for (int i = 0; i < offers; i++) {
            String item = items.get(i % items.size());
            String subject = "bench-" + UUID.randomUUID();
            pending.add(http.send(volunteers + "/api/volunteers", coordinator, BusySeason.helper(subject))
                    .thenCompose(registered -> http.send(
                            volunteers + "/api/programme-items/" + item + "/assignments",
                            coordinator,
                            Map.of(
                                    "role",
                                    "helper",
                                    "volunteerId",
                                    registered.path("id").asString())))
                    .thenApply(offer -> new Offer(offer.path("id").asString(), tokens.mint(subject, "volunteer"))));
        }
        List<Offer> prepared =
                new ArrayList<>(pending.stream().map(CompletableFuture::join).toList());
        Collections.shuffle(prepared, new Random(42));
        return prepared;
    }

    private List<String> visitWithItems(String caravan, String site, LocalDate day, int headcount) {
        String visit = http.post(
                        events + "/api/visits",
                        coordinator,
                        BusySeason.visit("Benchmark visit " + day, caravan, site, day))
                .path("id")
                .asString();
        for (int item = 0; item < ITEMS_PER_VISIT; item++) {
            http.post(
                    events + "/api/visits/" + visit + "/programme-items",
                    coordinator,
                    BusySeason.station(day, item, headcount));
        }
        http.post(events + "/api/visits/" + visit + "/schedule", coordinator, Map.of());
        return awaitBoard(visit);
    }

    /** volunteer-service knows the visit once it has consumed VisitScheduled. */
    private List<String> awaitBoard(String visit) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            JsonNode board = http.get(volunteers + "/api/visits/" + visit + "/staffing", coordinator);
            if (board.size() == ITEMS_PER_VISIT) {
                return board.valueStream()
                        .map(line -> line.path("itemId").asString())
                        .toList();
            }
            Pause.of(Duration.ofMillis(100));
        }
        throw new IllegalStateException("volunteer-service never showed visit " + visit);
    }
}
