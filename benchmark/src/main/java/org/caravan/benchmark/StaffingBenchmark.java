package org.caravan.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.DoubleStream;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.EventType;
import org.caravan.infrastructure.ServiceProcess;

/**
 * How close the accept-to-inbox path gets to what PostgreSQL and Kafka can do on this machine, in one run:
 * E (accepted assignments per second end to end, open loop, rising until p99 passes 100 ms), P (the same SQL
 * over JDBC), P0 (the same effects in the fewest statements, one per service), K (the broker alone with records of the
 * events' size), the relay against K, latency at half of E, the sign-up rush ({@link SignUpRush}),
 * the accept against a no-op call, and E with one partition and with two replicas of each service.
 */
public final class StaffingBenchmark {

    private static final List<Double> RATES = List.of(
            5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0, 60.0, 80.0, 100.0, 150.0, 200.0, 300.0, 400.0, 600.0, 800.0,
            1200.0, 1600.0);

    private final boolean quick;
    private final Path recordings;
    private final Report report;
    private final byte[] payload = sample();
    private final List<Step> steps = new ArrayList<>();
    private final List<String> summary = new ArrayList<>();

    private StaffingBenchmark(boolean quick, boolean profile, Path out) throws IOException {
        this.quick = quick;
        this.recordings = profile ? java.nio.file.Files.createDirectories(out.resolve("recordings")) : null;
        this.report = new Report(out);
    }

    public static void main(String[] args) throws Exception {
        // The embedded broker logs every request at DEBUG by default: the launcher's quieter configuration.
        System.setProperty("logback.configurationFile", "caravan-local-logback.xml");
        boolean quick = List.of(args).contains("--quick");
        Path out = Path.of("benchmark/target/results");
        new StaffingBenchmark(quick, List.of(args).contains("--profile"), out).run();
        // The Kafka clients and the HTTP client leave non-daemon threads behind.
        System.exit(0);
    }

    private Duration stepLength() {
        return Duration.ofSeconds(quick ? 4 : 8);
    }

    private void run() throws Exception {
        Instant began = Instant.now();
        line(
                "Caravan staffing benchmark, %s, %d cores, Java %s%s",
                began, Runtime.getRuntime().availableProcessors(), Runtime.version(), quick ? " (quick)" : "");
        double e;
        try (BenchmarkSystem system = BenchmarkSystem.start(3, recordings)) {
            startUp(system);
            AcceptLoad load = prepared(system, quick ? 3_000 : 6_000);
            e = sustainedRate(measuredRamp(load, "3 partitions, 1 replica", 5));
            line(
                    "E  (3 partitions, 1 replica): %.0f accepted assignments/s sustained with end-to-end p99 <= %.0f ms",
                    e, Step.P99_LIMIT_MILLIS);
            atHalfOf(e, load);
            baselines(system, e);
            rush(system);
            system.launch("volunteer-service");
            system.launch("notification-service");
            warmUp(load);
            double e2 = sustainedRate(measuredRamp(load, "3 partitions, 2 replicas", 5));
            line("E  (3 partitions, 2 replicas of volunteer- and notification-service): %.0f/s", e2);
        }
        try (BenchmarkSystem system = BenchmarkSystem.start(1, recordings)) {
            AcceptLoad load = prepared(system, quick ? 2_000 : 3_000);
            double e1 = sustainedRate(measuredRamp(load, "1 partition, 1 replica", 5));
            line("E  (1 partition, 1 replica): %.0f/s", e1);
        }
        line(
                "Targets: E >= 300/s: %s; E/P >= 0.6, E/P0 >= 0.3, relay/K >= 0.5, p99 at half of E <= 50 ms, accept p99 <= 3x no-op,"
                        + " the rush's figures: see the lines above.",
                e >= 300 ? "met" : "not met");
        line(
                "Took %d s. Steps: %s, plot: %s, summary: %s",
                Duration.between(began, Instant.now()).toSeconds(),
                report.csv(steps),
                report.plot(steps),
                report.summary(summary));
    }

    /**
     * From launch to ready (the readiness probe, which checks PostgreSQL and Kafka): one replica alone with each
     * compiler choice, with and without its class-data archive, then the three services launched at once. Each
     * replica is stopped again. The training runs leave the migrations out, so one unmeasured launch of the three
     * migrates their databases first: no measurement pays for them.
     */
    private void startUp(BenchmarkSystem system) {
        Duration training = system.trainArchives(BenchmarkSystem.SERVICES);
        line(
                "Class-data archives of %s: trained in %.1f s (once per build, side by side)",
                String.join(", ", BenchmarkSystem.SERVICES), seconds(training));
        List<String> c1 = ServiceProcess.QUICK_START;
        List<String> c2 = ServiceProcess.FULL_SPEED;
        readyAfter(system, BenchmarkSystem.SERVICES, c2, true);
        line(
                "Start-up, one replica of volunteer-service alone, launch to ready: both compilers %.1f s, with its"
                        + " archive %.1f s; C1 only %.1f s, with its archive %.1f s (target <= 15)",
                seconds(readyAfter(system, List.of("volunteer-service"), c2, false)),
                seconds(readyAfter(system, List.of("volunteer-service"), c2, true)),
                seconds(readyAfter(system, List.of("volunteer-service"), c1, false)),
                seconds(readyAfter(system, List.of("volunteer-service"), c1, true)));
        line(
                "Start-up, %s launched together, until all are ready: %.1f s, with their archives %.1f s",
                String.join(", ", BenchmarkSystem.SERVICES),
                seconds(readyAfter(system, BenchmarkSystem.SERVICES, c2, false)),
                seconds(readyAfter(system, BenchmarkSystem.SERVICES, c2, true)));
    }

    private static Duration readyAfter(BenchmarkSystem system, List<String> names, List<String> jvm, boolean archived) {
        Instant launched = Instant.now();
        List<ServiceProcess> replicas =
                names.stream().map(name -> system.start(name, jvm, archived)).toList();
        try {
            replicas.parallelStream().forEach(replica -> replica.awaitReady(Duration.ofMinutes(4)));
            return Duration.between(launched, Instant.now());
        } finally {
            system.stop(replicas);
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /** End-to-end latency at half of E, the accept against a no-op call at that rate, CPU and memory. */
    private void atHalfOf(double e, AcceptLoad load) throws Exception {
        double half = Math.max(5, e / 2);
        Step atHalf = load.step("at half of E", half, stepLength());
        steps.add(atHalf);
        Latencies noop = load.noop(half, stepLength());
        line(
                "At half of E (%.0f/s): end-to-end p50 %.1f, p95 %.1f, p99 %.1f ms; accept p99 %.1f ms,"
                        + " no-op (GET /api/whoami) p99 %.1f ms, ratio %.2f (target <= 3)",
                half,
                atHalf.endToEnd().p50(),
                atHalf.endToEnd().p95(),
                atHalf.endToEnd().p99(),
                atHalf.response().p99(),
                noop.p99(),
                atHalf.response().p99() / noop.p99());
        memory(load);
    }

    /** K and the relay against it, then P and P0 and E against them. */
    private void baselines(BenchmarkSystem system, double e) throws Exception {
        KafkaBaseline kafka = new KafkaBaseline(system.kafka(), system.partitions());
        KafkaBaseline.Result k = kafka.measure(payload, quick ? 10_000 : 30_000, Math.max(100, e));
        double relay;
        try (Connection outbox = system.database("volunteer_service")) {
            relay = kafka.relayPerSecond(outbox, payload, quick ? 5_000 : 20_000);
        }
        line(
                "K  (Kafka alone, %d-byte records, acks=all, idempotent, linger 5 ms): producer %.0f records/s,"
                        + " through to a consumer %.0f/s; at %.0f/s latency p50 %.1f, p99 %.1f ms",
                payload.length,
                k.producedPerSecond(),
                k.consumedPerSecond(),
                Math.max(100, e),
                k.latency().p50(),
                k.latency().p99());
        line("Outbox relay: %.0f events/s, relay/K = %.2f (target >= 0.5)", relay, relay / k.producedPerSecond());
        SqlBaseline sql = new SqlBaseline(system, payload);
        Duration length = Duration.ofSeconds(quick ? 5 : 10);
        double p = sql.acceptsPerSecond(8, length);
        line(
                "P  (the same SQL over JDBC, 8 connections): %.0f accepted assignments/s;  E/P = %.2f (target >= 0.6)",
                p, e / p);
        double p0 = sql.fewestPerSecond(8, length);
        line(
                "P0 (the same effects in one statement per service, 8 connections): %.0f accepted assignments/s;"
                        + "  E/P0 = %.2f (target >= 0.3)",
                p0, e / p0);
    }

    /**
     * The sign-up rush on a warm system: one visit whose places are fewer than the volunteers offered them, every
     * one of whom answers within seconds; the figures, and the answers and notices over time as a CSV and a plot.
     */
    private void rush(BenchmarkSystem system) throws Exception {
        Instant started = Instant.now();
        Http http = new Http();
        int headcount = SignUpRush.PLACES / StaffingScenario.ITEMS_PER_VISIT;
        List<StaffingScenario.Offer> offers = new StaffingScenario(
                        http,
                        system.replicasOf("event-service").get(0).baseUrl(),
                        system.replicasOf("volunteer-service").get(0).baseUrl(),
                        system.tokens())
                .prepare(1, headcount, SignUpRush.VOLUNTEERS);
        new AcceptLoad(system, http, offers).awaitQuiet();
        System.out.printf(
                "  rush prepared: %d offers over %d items of %d places, in %d s%n",
                offers.size(),
                StaffingScenario.ITEMS_PER_VISIT,
                headcount,
                Duration.between(started, Instant.now()).toSeconds());
        SignUpRush.Result rush = new SignUpRush(system, http, offers, headcount).run();
        line(
                "Rush (%d answers for %d places within %d s, open loop, 1 replica): %d confirmed, %d waitlisted, %d other,"
                        + " items over their headcount %d; %d answered 5xx or not at all, %d 4xx; accept p50 %.0f, p99 %.0f ms"
                        + " (target <= 1000); %d of %d told, the last %.1f s after the last answer (target <= %d);"
                        + " the lines' order: %d answers placed behind one sent after they came back, %d neighbours"
                        + " out of the service's answer times, by at most %.1f ms; %s",
                rush.answers(),
                SignUpRush.PLACES,
                SignUpRush.WITHIN.toSeconds(),
                rush.confirmed(),
                rush.waitlisted(),
                rush.other(),
                rush.overfilledItems(),
                rush.serverErrors(),
                rush.refused(),
                rush.accept().p50(),
                rush.accept().p99(),
                rush.told(),
                rush.answers(),
                rush.toldSecondsAfterLastAnswer(),
                SignUpRush.TOLD_WITHIN.toSeconds(),
                rush.overtaken(),
                rush.outOfOrder(),
                rush.largestInversionMillis(),
                rush.met() ? "met" : "NOT met");
        line(
                "Rush over time: %s, %s",
                report.rushCsv(rush.timeline()), report.rushPlot(rush.timeline(), SignUpRush.PLACES));
    }

    /** A system with event-, volunteer- and notification-service, visits, volunteers and their offers. */
    private AcceptLoad prepared(BenchmarkSystem system, int offers) throws Exception {
        Instant started = Instant.now();
        ServiceProcess events = system.launch("event-service");
        ServiceProcess volunteers = system.launch("volunteer-service");
        system.launch("notification-service");
        Http http = new Http();
        int visits = quick ? 10 : 20;
        // Half again as many offers as places: items fill up and waitlists form.
        int headcount = Math.max(1, (int) (offers / (visits * StaffingScenario.ITEMS_PER_VISIT * 1.5)));
        var prepared = new StaffingScenario(http, events.baseUrl(), volunteers.baseUrl(), system.tokens())
                .prepare(visits, headcount, offers);
        AcceptLoad load = new AcceptLoad(system, http, prepared);
        load.awaitQuiet();
        line(
                "Prepared %d partition(s): %d offers over %d items of %d places (a third will wait), in %d s",
                system.partitions(),
                offers,
                visits * StaffingScenario.ITEMS_PER_VISIT,
                headcount,
                Duration.between(started, Instant.now()).toSeconds());
        warmUp(load);
        return load;
    }

    /** Until both JIT compilers have worked on the accept path and consumer groups have settled: a rate all keep up with. */
    private void warmUp(AcceptLoad load) throws Exception {
        Step warm = load.step("warm-up", 20, Duration.ofSeconds(quick ? 15 : 30));
        System.out.printf(
                "  warm-up at 20/s: end-to-end p99 %.1f ms%n", warm.endToEnd().p99());
    }

    private List<Step> measuredRamp(AcceptLoad load, String configuration, double from) throws Exception {
        List<Double> rates = DoubleStream.concat(
                        DoubleStream.of(from),
                        RATES.stream().mapToDouble(Double::doubleValue).filter(r -> r > from))
                .boxed()
                .toList();
        List<Step> ramp = load.ramp(configuration, rates, stepLength());
        steps.addAll(ramp);
        return ramp;
    }

    /** The highest offered rate that was sustained (0 when even the first step was not). */
    private static double sustainedRate(List<Step> ramp) {
        return ramp.stream()
                .filter(Step::sustained)
                .mapToDouble(Step::offeredPerSecond)
                .max()
                .orElse(0);
    }

    private void memory(AcceptLoad load) {
        StringBuilder rss = new StringBuilder("Memory (proportional set size):");
        load.processGroups()
                .forEach((name, pids) -> rss.append(String.format(" %s %d MB;", name, ProcessUsage.megabytes(pids))));
        line("%s", rss);
        Step last = steps.get(steps.size() - 1);
        StringBuilder cpu = new StringBuilder("CPU at half of E (% of one core):");
        last.cpuPercent().forEach((name, percent) -> cpu.append(String.format(" %s %.0f;", name, percent)));
        line("%s", cpu);
    }

    private void line(String format, Object... values) {
        String text = String.format(Locale.ROOT, format, values);
        System.out.println(text);
        summary.add(text);
    }

    private static byte[] sample() throws IOException {
        EventType<?> type = EventCatalog.ASSIGNMENT_CONFIRMED;
        try (InputStream in = EventType.class.getResourceAsStream(type.samplePath())) {
            return in.readAllBytes();
        }
    }
}
