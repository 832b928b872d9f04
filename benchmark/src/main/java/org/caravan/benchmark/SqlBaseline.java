package org.caravan.benchmark;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SQL one accepted assignment costs, replayed over plain JDBC against the same PostgreSQL: volunteer-service's
 * transaction (lock the offer, read the item and the volunteer's other places, take a seat, answer, append the
 * outbox row), the relay stamping rows sent in batches, notification-service's consumer transaction
 * (processed event, recipient, two deliveries with their history, the place and two reminders) and the
 * dispatcher's (the inbox entry, then the second channel skipped). The tables are copies ({@code like ...
 * including all}: columns, defaults, checks, indexes) in a {@code bench} schema of each service's database, so
 * the services' own rows are untouched. No HTTP, no Kafka, no JSON mapping: what the database alone allows.
 */
final class SqlBaseline {

    private final BenchmarkSystem system;
    private final String payload;

    SqlBaseline(BenchmarkSystem system, byte[] payload) {
        this.system = system;
        this.payload = new String(payload, StandardCharsets.UTF_8);
    }

    private record Offer(UUID id, UUID item, String role, UUID volunteer) {}

    /** Accepted assignments per second with {@code threads} workers for {@code duration}. */
    double acceptsPerSecond(int threads, Duration duration) throws Exception {
        List<Offer> offers = copyTables();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        CompletableFuture<Void> relay = CompletableFuture.runAsync(() -> relay(running));
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int worker = 0; worker < threads; worker++) {
            workers.add(CompletableFuture.runAsync(() -> {
                try (Connection volunteers = transactional("volunteer_service");
                        Connection notifications = transactional("notification_service")) {
                    int n;
                    while (System.nanoTime() < end && (n = next.getAndIncrement()) < offers.size()) {
                        accept(volunteers, notifications, offers.get(n));
                        done.incrementAndGet();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        workers.forEach(CompletableFuture::join);
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        relay.join();
        return done.get() / seconds;
    }

    private Connection transactional(String database) throws SQLException {
        Connection connection = system.database(database);
        connection.setAutoCommit(false);
        return connection;
    }

    private List<Offer> copyTables() throws SQLException {
        try (Connection volunteers = system.database("volunteer_service");
                Statement sql = volunteers.createStatement()) {
            sql.execute("drop schema if exists bench cascade");
            sql.execute("create schema bench");
            for (String table : List.of("staffing_need", "assignment", "outbox_event")) {
                sql.execute("create table bench." + table + " (like public." + table + " including all)");
            }
            sql.execute("insert into bench.staffing_need select * from public.staffing_need");
            sql.execute("update bench.staffing_need set confirmed = 0");
            sql.execute("insert into bench.assignment select * from public.assignment");
            sql.execute("update bench.assignment set status = 'OFFERED', answered_at = null, waitlist_order = null");
            List<Offer> offers = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("select id, item_id, role, volunteer_id from bench.assignment")) {
                while (rows.next()) {
                    offers.add(new Offer(
                            rows.getObject(1, UUID.class),
                            rows.getObject(2, UUID.class),
                            rows.getString(3),
                            rows.getObject(4, UUID.class)));
                }
            }
            java.util.Collections.shuffle(offers, new java.util.Random(7));
            try (Connection notifications = system.database("notification_service");
                    Statement copy = notifications.createStatement()) {
                copy.execute("drop schema if exists bench cascade");
                copy.execute("create schema bench");
                for (String table :
                        List.of("processed_event", "delivery", "delivery_status", "inbox_entry", "reminder", "place")) {
                    copy.execute("create table bench." + table + " (like public." + table + " including all)");
                }
            }
            return offers;
        }
    }

    private void accept(Connection volunteers, Connection notifications, Offer offer) throws SQLException {
        UUID eventId = UUID.randomUUID();
        boolean confirmed = volunteerTransaction(volunteers, offer, eventId);
        String kind = confirmed ? "ASSIGNMENT_CONFIRMED" : "ASSIGNMENT_WAITLISTED";
        List<UUID> deliveries = consumerTransaction(notifications, offer, eventId, kind, confirmed);
        dispatch(notifications, deliveries.get(0), offer, eventId, kind, true);
        dispatch(notifications, deliveries.get(1), offer, eventId, kind, false);
    }

    private boolean volunteerTransaction(Connection db, Offer offer, UUID eventId) throws SQLException {
        query(db, "select * from bench.assignment where id = ? for update", offer.id());
        Instant[] slot = new Instant[2];
        PreparedStatement select = prepared(
                db,
                """
                select p.visit_id, p.item_id, p.title, p.starts_at, p.ends_at, v.site_name, v.time_zone
                from public.programme_slot p join public.visit_plan v on v.visit_id = p.visit_id where p.item_id = ?
                """);
        select.setObject(1, offer.item());
        try (ResultSet row = select.executeQuery()) {
            row.next();
            slot[0] = row.getTimestamp(4).toInstant();
            slot[1] = row.getTimestamp(5).toInstant();
        }
        query(
                db,
                """
                select a.id, p.starts_at, p.ends_at from bench.assignment a join public.programme_slot p on p.item_id = a.item_id
                where a.volunteer_id = ? and a.status = 'CONFIRMED' and a.id <> ? and p.starts_at < ? and p.ends_at > ?
                """,
                offer.volunteer(),
                offer.id(),
                Timestamp.from(slot[1].plus(Duration.ofHours(2))),
                Timestamp.from(slot[0].minus(Duration.ofHours(2))));
        boolean seat = query(
                db,
                "update bench.staffing_need set confirmed = confirmed + 1 where item_id = ? and role = ?"
                        + " and confirmed < headcount returning confirmed",
                offer.item(),
                offer.role());
        query(
                db,
                "update bench.assignment set status = ?, answered_at = now(), waitlist_order = ?,"
                        + " version = version + 1 where id = ? returning *",
                seat ? "CONFIRMED" : "WAITLISTED",
                seat ? null : System.nanoTime(),
                offer.id());
        query(db, "select name, subject from public.volunteer where id = ?", offer.volunteer());
        update(
                db,
                """
                insert into bench.outbox_event (event_id, aggregate_type, aggregate_id, event_type, topic, payload,
                  trace_id, occurred_at) values (?, 'assignment', ?, 'org.caravan.assignment.confirmed.v1',
                  'caravan.assignments.v1', ?::jsonb, ?, now())
                """,
                eventId,
                offer.id().toString(),
                payload,
                "0af7651916cd43dd8448eb211c80319c");
        db.commit();
        return seat;
    }

    private List<UUID> consumerTransaction(Connection db, Offer offer, UUID eventId, String kind, boolean confirmed)
            throws SQLException {
        update(
                db,
                "insert into bench.processed_event (consumer, event_id, event_type) values ('notification-service', ?, ?)",
                eventId,
                "org.caravan.assignment.confirmed.v1");
        query(db, "select * from public.recipient where key = ?", "volunteer:" + offer.volunteer());
        List<UUID> deliveries = new ArrayList<>();
        for (int rank = 0; rank < 2; rank++) {
            PreparedStatement insert = prepared(
                    db,
                    """
                    insert into bench.delivery (event_id, recipient, rank, channel, kind, subject_id, params, urgent, status,
                      next_attempt_at) values (?, ?, ?, ?, ?, ?, ?::jsonb, false, 'QUEUED', now())
                    on conflict (event_id, recipient, rank) do nothing returning id
                    """);
            bind(
                    insert,
                    eventId,
                    "volunteer:" + offer.volunteer(),
                    rank,
                    rank == 0 ? "INBOX" : null,
                    kind,
                    offer.id().toString(),
                    params(offer));
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                deliveries.add(row.getObject(1, UUID.class));
            }
            update(
                    db,
                    "insert into bench.delivery_status (delivery_id, status) values (?, 'QUEUED')",
                    deliveries.get(rank));
        }
        if (confirmed) {
            update(
                    db,
                    "insert into bench.place (assignment_id, volunteer_id, visit_id, item_id, params) values (?, ?, ?, ?, ?::jsonb)"
                            + " on conflict (assignment_id) do update set params = excluded.params",
                    offer.id(),
                    offer.volunteer(),
                    offer.item(),
                    offer.item(),
                    params(offer));
            for (int lead : new int[] {1440, 120}) {
                update(
                        db,
                        """
                        insert into bench.reminder (assignment_id, volunteer_id, visit_id, item_id, kind, lead_minutes,
                          due_at, params, status) values (?, ?, ?, ?, 'REMINDER', ?, now() + interval '10 days', ?::jsonb, 'PLANNED')
                        on conflict (assignment_id, kind, lead_minutes) do update set due_at = excluded.due_at,
                          params = excluded.params, status = 'PLANNED'
                        """,
                        offer.id(),
                        offer.volunteer(),
                        offer.item(),
                        offer.item(),
                        lead,
                        params(offer));
            }
        }
        db.commit();
        return deliveries;
    }

    private void dispatch(Connection db, UUID delivery, Offer offer, UUID eventId, String kind, boolean inbox)
            throws SQLException {
        query(
                db,
                "select id from bench.delivery where status = 'QUEUED' and next_attempt_at <= now() and id = ?",
                delivery);
        query(db, "select * from bench.delivery where id = ? and status = 'QUEUED' for update skip locked", delivery);
        query(db, "select * from public.recipient where key = ?", "volunteer:" + offer.volunteer());
        if (inbox) {
            update(
                    db,
                    "insert into bench.inbox_entry (recipient, kind, subject_id, title, body, event_id, delivery_id)"
                            + " values (?, ?, ?, ?, ?, ?, ?) on conflict (delivery_id) do nothing",
                    "bench-volunteer",
                    kind,
                    offer.id().toString(),
                    "已确认：Station 1",
                    "感谢您！蒲公英中学 Dandelion School，2026年12月5日 09:30，担任 helper。",
                    eventId,
                    delivery);
        }
        update(
                db,
                "update bench.delivery set status = ?, channel = ?, attempts = attempts + 1 where id = ?",
                inbox ? "SENT" : "SKIPPED",
                inbox ? "INBOX" : null,
                delivery);
        update(
                db,
                "insert into bench.delivery_status (delivery_id, status, detail) values (?, ?, ?)",
                delivery,
                inbox ? "SENT" : "SKIPPED",
                inbox ? null : "no other channel; the inbox copy stands");
        db.commit();
    }

    /** The relay's work without Kafka: take the oldest pending rows under the advisory lock, stamp them sent. */
    private void relay(AtomicBoolean running) {
        try (Connection db = transactional("volunteer_service")) {
            while (running.get()) {
                query(db, "select pg_try_advisory_xact_lock(1)");
                List<Long> sequences = new ArrayList<>();
                try (PreparedStatement select = db.prepareStatement(
                                "select sequence, event_id, aggregate_id, event_type, topic, payload, trace_id, occurred_at"
                                        + " from bench.outbox_event where published_at is null order by sequence limit 200");
                        ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        sequences.add(rows.getLong(1));
                        rows.getString(6);
                    }
                }
                try (PreparedStatement stamp = db.prepareStatement(
                        "update bench.outbox_event set published_at = now() where sequence = any(?)")) {
                    stamp.setArray(1, db.createArrayOf("bigint", sequences.toArray()));
                    stamp.executeUpdate();
                }
                db.commit();
                if (sequences.size() < 200) {
                    Pause.of(Duration.ofMillis(5));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String params(Offer offer) {
        return "{\"item\":\"Station 1\",\"site\":\"蒲公英中学 Dandelion School\",\"startsAt\":\"2026-12-05T01:30:00Z\","
                + "\"timeZone\":\"Asia/Shanghai\",\"role\":\"helper\",\"visitId\":\"" + offer.item() + "\"}";
    }

    /** Runs a statement that returns rows; true when it returned one. */
    private boolean query(Connection db, String sql, Object... values) throws SQLException {
        PreparedStatement statement = prepared(db, sql);
        bind(statement, values);
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next();
        }
    }

    private void update(Connection db, String sql, Object... values) throws SQLException {
        PreparedStatement statement = prepared(db, sql);
        bind(statement, values);
        statement.executeUpdate();
    }

    /**
     * Statements kept per connection, so the server plans each once, as the services' R2DBC driver does with its
     * statement cache: the baseline is what the database can do at its best.
     */
    private final Map<Connection, Map<String, PreparedStatement>> statements = new ConcurrentHashMap<>();

    private PreparedStatement prepared(Connection db, String sql) throws SQLException {
        Map<String, PreparedStatement> statements = this.statements.computeIfAbsent(db, c -> new HashMap<>());
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = db.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }
}
