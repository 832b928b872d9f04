package org.caravan.benchmark;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.caravan.infrastructure.ServiceProcess;

/**
 * The sign-up rush: a popular visit opens and every volunteer offered a place answers at once. {@link #VOLUNTEERS}
 * answers to offers for {@link #PLACES} places arrive within {@link #WITHIN} (open loop, evenly spaced); then the
 * assignments are read back from volunteer-service's database and the notices from notification-service's, to say
 * whether exactly the places were confirmed, the rest waitlisted in the order they answered, nothing failed, and
 * every volunteer was told, and how soon.
 */
final class SignUpRush {

    static final int VOLUNTEERS = 3_000;
    static final int PLACES = 300;
    static final Duration WITHIN = Duration.ofSeconds(10);
    /** How long notices may take after the last answer, by the target; the wait itself is longer. */
    static final Duration TOLD_WITHIN = Duration.ofSeconds(30);

    private static final Duration BUCKET = Duration.ofMillis(250);

    /** One assignment as volunteer-service recorded the answer. */
    record Answered(String id, String item, String status, Instant answeredAt, Long waitlistOrder) {}

    /** At {@code secondsIn} after the first answer was due: how many answers had come back, how many notices stored. */
    record Moment(double secondsIn, int answers, int notices) {}

    /**
     * What the rush did. {@code overtaken}: answers placed behind one sent only after they had come back (none may
     * be). {@code outOfOrder}: neighbours in an item's line (the confirmed by answer time, then the waitlist in its
     * order) whose answer times, as the service recorded them, run backwards, and by how much at most: answers in
     * flight together, which the service may order either way.
     */
    record Result(
            int answers,
            int confirmed,
            int waitlisted,
            int other,
            int serverErrors,
            int refused,
            Latencies accept,
            int overtaken,
            int told,
            double toldSecondsAfterLastAnswer,
            int outOfOrder,
            double largestInversionMillis,
            int overfilledItems,
            List<Moment> timeline) {

        boolean met() {
            return confirmed == PLACES
                    && waitlisted == answers - PLACES
                    && serverErrors == 0
                    && refused == 0
                    && overfilledItems == 0
                    && overtaken == 0
                    && accept.p99() <= 1_000
                    && told == answers
                    && toldSecondsAfterLastAnswer <= TOLD_WITHIN.toSeconds();
        }
    }

    private final BenchmarkSystem system;
    private final OpenLoop loop;
    private final List<StaffingScenario.Offer> offers;
    private final int headcount;

    SignUpRush(BenchmarkSystem system, Http http, List<StaffingScenario.Offer> offers, int headcount) {
        this.system = system;
        this.loop = new OpenLoop(http.client());
        this.offers = offers;
        this.headcount = headcount;
    }

    Result run() throws SQLException {
        List<ServiceProcess> replicas = system.replicasOf("volunteer-service");
        double perSecond = offers.size() / (WITHIN.toMillis() / 1000.0);
        List<OpenLoop.Attempt> attempts = loop.run(perSecond, WITHIN, n -> {
            StaffingScenario.Offer offer = offers.get(n);
            String base = replicas.get(n % replicas.size()).baseUrl();
            return offer.accept(base);
        });
        Instant first = attempts.get(0).due();
        Instant lastAnswer = attempts.stream()
                .map(SignUpRush::answeredAt)
                .max(Comparator.naturalOrder())
                .orElse(first);
        List<String> ids = attempts.stream()
                .filter(a -> a.status() == 200)
                .map(OpenLoop.Attempt::id)
                .toList();
        Map<String, Instant> stored;
        List<Answered> recorded;
        try (Connection notifications = system.database("notification_service");
                Connection volunteers = system.database("volunteer_service")) {
            stored = new Inbox(notifications)
                    .awaitNotices(ids, Duration.between(Instant.now(), lastAnswer.plus(TOLD_WITHIN.multipliedBy(2))));
            recorded = answered(volunteers, ids);
        }
        Instant lastNotice =
                stored.values().stream().max(Comparator.naturalOrder()).orElse(lastAnswer);
        Map<String, Long> byStatus =
                recorded.stream().collect(Collectors.groupingBy(Answered::status, Collectors.counting()));
        int confirmed = byStatus.getOrDefault("CONFIRMED", 0L).intValue();
        int waitlisted = byStatus.getOrDefault("WAITLISTED", 0L).intValue();
        Inversions inversions = inversions(recorded);
        return new Result(
                attempts.size(),
                confirmed,
                waitlisted,
                recorded.size() - confirmed - waitlisted,
                (int) attempts.stream()
                        .filter(a -> a.status() >= 500 || a.status() == 0)
                        .count(),
                (int) attempts.stream()
                        .filter(a -> a.status() >= 400 && a.status() < 500)
                        .count(),
                Latencies.of(
                        attempts.stream().map(OpenLoop.Attempt::responseMillis).toList()),
                overtaken(recorded, attempts),
                stored.size(),
                Duration.between(lastAnswer, lastNotice).toMillis() / 1000.0,
                inversions.count(),
                inversions.largestMillis(),
                overfilled(recorded, headcount),
                timeline(attempts, stored, first));
    }

    private static Instant answeredAt(OpenLoop.Attempt attempt) {
        return attempt.due().plusNanos((long) (attempt.responseMillis() * 1_000_000));
    }

    private static List<Answered> answered(Connection volunteers, List<String> ids) throws SQLException {
        List<Answered> all = new ArrayList<>();
        try (PreparedStatement select = volunteers.prepareStatement(
                "select id, item_id, status, answered_at, waitlist_order from assignment where id = any(?)")) {
            Array array = volunteers.createArrayOf("uuid", ids.toArray());
            select.setArray(1, array);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long order = rows.getLong(5);
                    Long waitlistOrder = rows.wasNull() ? null : order;
                    all.add(new Answered(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getTimestamp(4).toInstant(),
                            waitlistOrder));
                }
            }
        }
        return all;
    }

    record Inversions(int count, double largestMillis) {}

    /**
     * Each item's line as the service decided it, the confirmed (by answer time) before the waitlist (in its
     * order), checked against the answer times the service recorded.
     */
    static Inversions inversions(List<Answered> recorded) {
        int count = 0;
        double largest = 0;
        Map<String, List<Answered>> byItem = recorded.stream().collect(Collectors.groupingBy(Answered::item));
        for (List<Answered> item : byItem.values()) {
            List<Answered> line = new ArrayList<>(item.stream()
                    .filter(a -> a.status().equals("CONFIRMED"))
                    .sorted(Comparator.comparing(Answered::answeredAt))
                    .toList());
            line.addAll(item.stream()
                    .filter(a -> a.status().equals("WAITLISTED"))
                    .sorted(Comparator.comparing(Answered::waitlistOrder))
                    .toList());
            for (int i = 1; i < line.size(); i++) {
                Duration back = Duration.between(
                        line.get(i).answeredAt(), line.get(i - 1).answeredAt());
                if (!back.isNegative() && !back.isZero()) {
                    count++;
                    largest = Math.max(largest, back.toNanos() / 1e6);
                }
            }
        }
        return new Inversions(count, largest);
    }

    static int overfilled(List<Answered> recorded, int headcount) {
        Map<String, Long> confirmedPerItem = recorded.stream()
                .filter(a -> a.status().equals("CONFIRMED"))
                .collect(Collectors.groupingBy(Answered::item, Collectors.counting()));
        return (int) confirmedPerItem.values().stream()
                .filter(count -> count > headcount)
                .count();
    }

    /**
     * How many answers the service placed behind one that was due only after they had come back: a place given to
     * the later one while the earlier waits, or a waitlist place ahead of it. Answers in flight together may be
     * ordered either way.
     */
    static int overtaken(List<Answered> recorded, List<OpenLoop.Attempt> attempts) {
        Map<String, OpenLoop.Attempt> byId =
                attempts.stream().collect(Collectors.toMap(OpenLoop.Attempt::id, a -> a, (a, b) -> a));
        int overtaken = 0;
        Map<String, List<Answered>> byItem = recorded.stream().collect(Collectors.groupingBy(Answered::item));
        for (List<Answered> item : byItem.values()) {
            Instant lastDueAhead = item.stream()
                    .filter(a -> a.status().equals("CONFIRMED"))
                    .map(a -> byId.get(a.id()).due())
                    .max(Comparator.naturalOrder())
                    .orElse(Instant.MIN);
            List<Answered> waiting = item.stream()
                    .filter(a -> a.status().equals("WAITLISTED"))
                    .sorted(Comparator.comparing(Answered::waitlistOrder))
                    .toList();
            for (Answered next : waiting) {
                OpenLoop.Attempt attempt = byId.get(next.id());
                if (answeredAt(attempt).isBefore(lastDueAhead)) {
                    overtaken++;
                }
                lastDueAhead = attempt.due().isAfter(lastDueAhead) ? attempt.due() : lastDueAhead;
            }
        }
        return overtaken;
    }

    /** Answers back and notices stored, counted up every quarter of a second from the first answer's due time. */
    static List<Moment> timeline(List<OpenLoop.Attempt> attempts, Map<String, Instant> stored, Instant first) {
        Map<Long, Integer> answers = new HashMap<>();
        attempts.forEach(a -> answers.merge(bucket(first, answeredAt(a)), 1, Integer::sum));
        Map<Long, Integer> notices = new HashMap<>();
        stored.values().forEach(at -> notices.merge(bucket(first, at), 1, Integer::sum));
        long last = Math.max(
                answers.keySet().stream().mapToLong(Long::longValue).max().orElse(0),
                notices.keySet().stream().mapToLong(Long::longValue).max().orElse(0));
        List<Moment> moments = new ArrayList<>();
        int answered = 0;
        int told = 0;
        for (long b = 0; b <= last; b++) {
            answered += answers.getOrDefault(b, 0);
            told += notices.getOrDefault(b, 0);
            moments.add(new Moment((b + 1) * BUCKET.toMillis() / 1000.0, answered, told));
        }
        return moments;
    }

    private static long bucket(Instant first, Instant at) {
        return Math.max(0, Duration.between(first, at).toMillis() / BUCKET.toMillis());
    }
}
