package org.caravan.benchmark;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caravan.infrastructure.ServiceProcess;

/**
 * Volunteers accepting their offers at a fixed rate, spread over volunteer-service's replicas, each measured from
 * the accept's due time to the notice stored in the volunteer's inbox.
 */
final class AcceptLoad {

    private final BenchmarkSystem system;
    private final OpenLoop loop;
    private final List<StaffingScenario.Offer> offers;
    private final Inbox inbox;
    private final Connection outbox;
    private final String noopToken;
    private int used;

    AcceptLoad(BenchmarkSystem system, Http http, List<StaffingScenario.Offer> offers) throws SQLException {
        this.system = system;
        this.loop = new OpenLoop(http.client());
        this.offers = offers;
        this.inbox = new Inbox(system.database("notification_service"));
        this.outbox = system.database("volunteer_service");
        this.noopToken = system.tokens().mint("benchmark-volunteer", "volunteer");
    }

    int remaining() {
        return offers.size() - used;
    }

    /** Raises the rate step by step until a step is not sustained or the offers run out. */
    List<Step> ramp(String configuration, List<Double> rates, Duration each) throws SQLException {
        List<Step> steps = new ArrayList<>();
        for (double rate : rates) {
            if (remaining() < rate * each.toSeconds()) {
                System.out.printf("  %s: no offers left for %.0f/s%n", configuration, rate);
                break;
            }
            Step step = step(configuration, rate, each);
            steps.add(step);
            print(step);
            if (!step.sustained()) {
                break;
            }
        }
        return steps;
    }

    Step step(String configuration, double rate, Duration duration) throws SQLException {
        awaitQuiet();
        List<ServiceProcess> replicas = system.replicasOf("volunteer-service");
        Map<String, List<Long>> groups = processGroups();
        Map<String, Double> before = ProcessUsage.cpuSeconds(groups);
        long started = System.nanoTime();
        int first = used;
        List<OpenLoop.Attempt> attempts = loop.run(rate, duration, n -> {
            StaffingScenario.Offer offer = offers.get(first + n);
            String base = replicas.get(n % replicas.size()).baseUrl();
            return offer.accept(base);
        });
        used += attempts.size();
        Map<String, Double> cpu = cpuPercent(groups, before, (System.nanoTime() - started) / 1e9);
        List<OpenLoop.Attempt> answered =
                attempts.stream().filter(a -> a.status() == 200).toList();
        Map<String, Instant> stored =
                inbox.awaitNotices(answered.stream().map(OpenLoop.Attempt::id).toList(), Duration.ofSeconds(60));
        List<Double> endToEnd = new ArrayList<>();
        Instant last = attempts.get(0).due();
        for (OpenLoop.Attempt attempt : answered) {
            Instant told = stored.get(attempt.id());
            if (told != null) {
                endToEnd.add(Duration.between(attempt.due(), told).toNanos() / 1e6);
                last = told.isAfter(last) ? told : last;
            }
        }
        double seconds = Math.max(
                duration.toMillis() / 1000.0,
                Duration.between(attempts.get(0).due(), last).toNanos() / 1e9);
        return new Step(
                configuration,
                rate,
                endToEnd.size() / seconds,
                Latencies.of(endToEnd),
                Latencies.of(
                        attempts.stream().map(OpenLoop.Attempt::responseMillis).toList()),
                attempts.size() - answered.size(),
                answered.size() - endToEnd.size(),
                cpu);
    }

    /** The cheapest authenticated call volunteer-service serves, at the same rate: the floor for the accept. */
    Latencies noop(double rate, Duration duration) {
        String base = system.replicasOf("volunteer-service").get(0).baseUrl();
        List<OpenLoop.Attempt> attempts = loop.run(
                rate,
                duration,
                n -> new OpenLoop.Call(
                        "whoami-" + n,
                        HttpRequest.newBuilder(URI.create(base + "/api/whoami"))
                                .header("Authorization", "Bearer " + noopToken)
                                .timeout(Duration.ofSeconds(30))
                                .GET()
                                .build()));
        return Latencies.of(
                attempts.stream().map(OpenLoop.Attempt::responseMillis).toList());
    }

    /** Nothing left to relay, consume or deliver, so one step's (or the setup's) work does not slow the next. */
    void awaitQuiet() throws SQLException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while ((inbox.queued() > 0 || outboxPending() > 0 || system.consumerLag() > 0)
                && Instant.now().isBefore(deadline)) {
            Pause.of(Duration.ofMillis(250));
        }
        Pause.of(Duration.ofSeconds(1));
    }

    private long outboxPending() throws SQLException {
        try (var count = outbox.prepareStatement("select count(*) from outbox_event where published_at is null");
                var rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    Map<String, List<Long>> processGroups() {
        Map<String, List<Long>> groups = new LinkedHashMap<>();
        for (ServiceProcess service : system.services()) {
            groups.put(service.service().name() + ":" + service.service().httpPort(), List.of(service.pid()));
        }
        groups.put("postgresql", ProcessUsage.postgres());
        groups.put("kafka+load (this JVM)", List.of(ProcessHandle.current().pid()));
        return groups;
    }

    private static Map<String, Double> cpuPercent(
            Map<String, List<Long>> groups, Map<String, Double> before, double seconds) {
        Map<String, Double> after = ProcessUsage.cpuSeconds(groups);
        Map<String, Double> percent = new LinkedHashMap<>();
        after.forEach((name, used) -> percent.put(name, 100 * (used - before.get(name)) / seconds));
        return percent;
    }

    private static void print(Step step) {
        System.out.printf(
                "  %-28s %7.0f/s offered %7.1f/s told   end-to-end p50 %6.1f p95 %6.1f p99 %7.1f ms"
                        + "   accept p99 %6.1f ms   %s%n",
                step.configuration(),
                step.offeredPerSecond(),
                step.achievedPerSecond(),
                step.endToEnd().p50(),
                step.endToEnd().p95(),
                step.endToEnd().p99(),
                step.response().p99(),
                step.sustained()
                        ? "sustained"
                        : "NOT sustained (errors " + step.errors() + ", untold " + step.missing() + ")");
    }
}
