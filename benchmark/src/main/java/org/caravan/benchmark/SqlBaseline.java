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
 * The SQL one accepted assignment costs, replayed over plain JDBC against the same PostgreSQL, in two shapes.
 *
 * <p>P, {@link #acceptsPerSecond}: the statements the services send, in the same transactions.
 * volunteer-service's accept: the volunteer's row locked so that their accepts wait for each other
 * ({@code DoubleBooking.serialiseAnswersOf}), the offer locked and read with its programme item and the volunteer's held places
 * nearby ({@code Assignments.lockToAnswer}), one statement taking a seat from the need if one is free and moving
 * the offer to CONFIRMED or WAITLISTED ({@code Assignments.CONFIRM_OR_WAITLIST}), the outbox row, commit. The
 * relay stamping rows sent in batches. notification-service's consumer transaction: the event's claim, the offer
 * warning dropped, the inbox delivery queued and its copy made there and then (recipient, inbox entry, SENT with
 * its history, {@code InboxChannel.copyAsQueued}), the second delivery queued, and for a confirmation the
 * recipient again, then the place and two reminders in one statement. A delivery and its first step, and each
 * change of a delivery and its step, are one statement each, as in {@code Deliveries}. Then the dispatcher's transaction for the second delivery (taken, the
 * recipient, SKIPPED with its history).
 *
 * <p>P0, {@link #fewestPerSecond}: the same effects with the fewest statements and commits, written by hand: one
 * statement on each side, each its own transaction. volunteer-service: the seat taken under the headcount, the
 * assignment's new state and the outbox row, in one CTE. notification-service: the claim (processed_event), both
 * deliveries in their final status with their history, the inbox entry, and for a confirmation the place and
 * its reminders, in one CTE. It decides nothing the services decide in Java (no double-booking check, no
 * template rendered), so it is a floor no service written this way could beat. The relay runs beside it as for P.
 *
 * <p>The tables are copies ({@code like ... including all}: columns, defaults, checks, indexes) in a {@code bench}
 * schema of each service's database, made afresh for each shape, so the services' own rows are untouched; the
 * copies' serial columns still draw from the services' sequences. No HTTP, no Kafka, no JSON mapping: what the
 * database alone allows.
 */
final class SqlBaseline {

    private static final String CONFIRMED_TYPE = "org.caravan.assignment.confirmed.v1";
    private static final String WAITLISTED_TYPE = "org.caravan.assignment.waitlisted.v1";
    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static final String INBOX_TITLE = "已确认：Station 1";
    private static final String INBOX_BODY = "感谢您！蒲公英中学 Dandelion School，2026年12月5日 09:30，担任 helper。";
    private static final String SKIPPED_DETAIL = "no other channel; the inbox copy stands";

    private final BenchmarkSystem system;
    private final String payload;

    SqlBaseline(BenchmarkSystem system, byte[] payload) {
        this.system = system;
        this.payload = new String(payload, StandardCharsets.UTF_8);
    }

    private record Offer(UUID id, UUID item, String role, UUID volunteer, String subject) {}

    /** One accepted assignment on both services' databases. */
    private interface Accept {
        void accept(Connection volunteers, Connection notifications, Offer offer) throws SQLException;
    }

    /** P: accepted assignments per second with {@code threads} workers for {@code duration}. */
    double acceptsPerSecond(int threads, Duration duration) throws Exception {
        return perSecond(threads, duration, false, this::accept);
    }

    /** P0: as {@link #acceptsPerSecond}, with one statement on each side. */
    double fewestPerSecond(int threads, Duration duration) throws Exception {
        return perSecond(threads, duration, true, this::acceptFewest);
    }

    private double perSecond(int threads, Duration duration, boolean autoCommit, Accept accept) throws Exception {
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
                try (Connection volunteers = connection("volunteer_service", autoCommit);
                        Connection notifications = connection("notification_service", autoCommit)) {
                    int n;
                    while (System.nanoTime() < end && (n = next.getAndIncrement()) < offers.size()) {
                        accept.accept(volunteers, notifications, offers.get(n));
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
        return connection(database, false);
    }

    private Connection connection(String database, boolean autoCommit) throws SQLException {
        Connection connection = system.database(database);
        connection.setAutoCommit(autoCommit);
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
            sql.execute("create sequence bench.waitlist_order");
            sql.execute("insert into bench.staffing_need select * from public.staffing_need");
            sql.execute("update bench.staffing_need set confirmed = 0");
            sql.execute("insert into bench.assignment select * from public.assignment");
            sql.execute("update bench.assignment set status = 'OFFERED', answered_at = null, waitlist_order = null");
            List<Offer> offers = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("select a.id, a.item_id, a.role, a.volunteer_id, v.subject"
                    + " from bench.assignment a join public.volunteer v on v.id = a.volunteer_id")) {
                while (rows.next()) {
                    offers.add(new Offer(
                            rows.getObject(1, UUID.class),
                            rows.getObject(2, UUID.class),
                            rows.getString(3),
                            rows.getObject(4, UUID.class),
                            rows.getString(5)));
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
        UUID second = consumerTransaction(notifications, offer, eventId, kind, confirmed);
        dispatchSkipped(notifications, second, offer);
    }

    /** {@code Assignments.lockToAnswer} for the volunteer themselves, on the copies. */
    private static final String LOCK_TO_ACCEPT =
            """
            select a.id, a.item_id, a.role, a.volunteer_id, a.team_id, a.status, a.offered_at, a.offer_expires_at,
              a.answered_at, a.waitlist_order, a.conflict_override_reason, a.reconfirmation_requested_at,
              a.checked_in_at, a.checked_out_at,
              i.visit_id, i.title, i.starts_at, i.ends_at, i.site_name, i.time_zone, i.site_id, i.site_lat,
              i.site_lon, held.*
            from bench.assignment a join public.programme_item i on i.item_id = a.item_id
            left join lateral (
              select h.id as held_id, o.title as held_title, o.starts_at as held_starts, o.ends_at as held_ends,
                o.site_name as held_site_name, o.site_id as held_site_id, o.site_lat as held_lat,
                o.site_lon as held_lon, o.time_zone as held_zone
              from bench.assignment h join public.programme_item o on o.item_id = h.item_id and o.removed_at is null
              where h.volunteer_id = a.volunteer_id and h.status in ('CONFIRMED', 'CHECKED_IN') and h.id <> a.id
                and o.starts_at < i.ends_at + interval '6 hours' and i.starts_at < o.ends_at + interval '6 hours'
            ) held on true
            where a.id = ? and a.volunteer_id = (select id from public.volunteer where subject = ?)
            for update of a
            """;

    /** {@code Assignments.CONFIRM_OR_WAITLIST} with {@code Headcount.TAKE_A_PLACE}, on the copies. */
    private static final String CONFIRM_OR_WAITLIST =
            """
            with place as (update bench.staffing_need set confirmed = confirmed + 1
              where item_id = ? and role = ? and confirmed < headcount returning 1)
            update bench.assignment set status = case when p.taken then 'CONFIRMED' else 'WAITLISTED' end,
              answered_at = ?, waitlist_order = case when p.taken then null else nextval('bench.waitlist_order') end,
              version = version + 1
            from (select exists (select from place) as taken) p
            where id = ? and status = ?
            returning id, item_id, role, volunteer_id, team_id, status, offered_at, offer_expires_at, answered_at,
              waitlist_order, conflict_override_reason, reconfirmation_requested_at, checked_in_at, checked_out_at
            """;

    /** {@code Outbox.append}'s insert. */
    private static final String OUTBOX =
            """
            insert into bench.outbox_event
              (event_id, aggregate_type, aggregate_id, event_type, topic, payload, traceparent, trace_id)
            values (?, 'assignment', ?, ?, 'caravan.assignments.v1', ?::jsonb, ?, split_part(?, '-', 2))
            """;

    /** Three statements between begin and commit, as {@code Staffing.acceptOffer}. */
    /** {@code DoubleBooking.serialiseAnswersOf}: the volunteer's accepts wait for each other. */
    private static final String SERIALISE_ANSWERS = "select 1 from public.volunteer"
            + " where id = (select volunteer_id from bench.assignment where id = ?) for no key update";

    private boolean volunteerTransaction(Connection db, Offer offer, UUID eventId) throws SQLException {
        query(db, SERIALISE_ANSWERS, offer.id());
        query(db, LOCK_TO_ACCEPT, offer.id(), offer.subject());
        boolean seat;
        PreparedStatement move = prepared(db, CONFIRM_OR_WAITLIST);
        bind(move, offer.item(), offer.role(), Timestamp.from(Instant.now()), offer.id(), "OFFERED");
        try (ResultSet row = move.executeQuery()) {
            row.next();
            seat = "CONFIRMED".equals(row.getString("status"));
        }
        update(
                db,
                OUTBOX,
                eventId,
                offer.id().toString(),
                seat ? CONFIRMED_TYPE : WAITLISTED_TYPE,
                payload,
                TRACEPARENT,
                TRACEPARENT);
        db.commit();
        return seat;
    }

    private static final String QUEUE =
            """
            with queued as (
              insert into bench.delivery (event_id, recipient, rank, channel, kind, subject_id, params, urgent, status,
                next_attempt_at) values (?, ?, ?, ?, ?, ?, ?::jsonb, false, 'QUEUED', ?)
              on conflict (event_id, recipient, rank) do nothing returning *),
            first_step as (
              insert into bench.delivery_status (delivery_id, status, at) select id, 'QUEUED', ? from queued)
            select * from queued
            """;

    /**
     * The consumer's transaction as {@code StaffingNotices.confirmed} (or {@code waitlisted}) makes it now, the
     * inbox copy included; the second delivery's id, for the dispatcher.
     */
    private UUID consumerTransaction(Connection db, Offer offer, UUID eventId, String kind, boolean confirmed)
            throws SQLException {
        String recipient = "volunteer:" + offer.volunteer();
        update(
                db,
                "insert into bench.processed_event (consumer, event_id, event_type) values ('notification-service', ?, ?)",
                eventId,
                confirmed ? CONFIRMED_TYPE : WAITLISTED_TYPE);
        update(
                db,
                "update bench.reminder set status = 'DROPPED' where assignment_id = ? and kind = 'OFFER_EXPIRING'"
                        + " and status = 'PLANNED'",
                offer.id());
        UUID inbox = queue(db, eventId, recipient, 0, kind, offer);
        query(db, "select * from public.recipient where key = ?", recipient);
        update(
                db,
                "insert into bench.inbox_entry (recipient, kind, subject_id, title, body, event_id, delivery_id, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (delivery_id) do nothing",
                offer.subject(),
                kind,
                offer.id().toString(),
                INBOX_TITLE,
                INBOX_BODY,
                eventId,
                inbox,
                now());
        change(db, inbox, "SENT", ", channel = coalesce(?, channel), attempts = attempts + 1", "INBOX", null);
        UUID second = queue(db, eventId, recipient, 1, kind, offer);
        if (confirmed) {
            // Reminders.plan: the recipient, then the place and both reminders in one statement.
            query(db, "select * from public.recipient where key = ?", recipient);
            update(
                    db,
                    """
                    with placed as (
                      insert into bench.place (assignment_id, volunteer_id, visit_id, item_id, params)
                      values (?, ?, ?, ?, ?::jsonb)
                      on conflict (assignment_id) do update set params = excluded.params)
                    insert into bench.reminder (assignment_id, volunteer_id, visit_id, item_id, kind, lead_minutes,
                      due_at, params, status)
                    values (?, ?, ?, ?, 'REMINDER', 1440, now() + interval '10 days', ?::jsonb, 'PLANNED'),
                      (?, ?, ?, ?, 'REMINDER', 120, now() + interval '10 days', ?::jsonb, 'PLANNED')
                    on conflict (assignment_id, kind, lead_minutes) do update set due_at = excluded.due_at,
                      params = excluded.params, status = 'PLANNED'
                    """,
                    offer.id(),
                    offer.volunteer(),
                    offer.item(),
                    offer.item(),
                    params(offer),
                    offer.id(),
                    offer.volunteer(),
                    offer.item(),
                    offer.item(),
                    params(offer),
                    offer.id(),
                    offer.volunteer(),
                    offer.item(),
                    offer.item(),
                    params(offer));
        }
        db.commit();
        return second;
    }

    /** {@code Deliveries.queue}: the delivery and the first step of its history, one statement. */
    private UUID queue(Connection db, UUID eventId, String recipient, int rank, String kind, Offer offer)
            throws SQLException {
        PreparedStatement insert = prepared(db, QUEUE);
        bind(
                insert,
                eventId,
                recipient,
                rank,
                rank == 0 ? "INBOX" : null,
                kind,
                offer.id().toString(),
                params(offer),
                now(),
                now());
        try (ResultSet row = insert.executeQuery()) {
            row.next();
            return row.getObject("id", UUID.class);
        }
    }

    /** {@code Deliveries.change}: from QUEUED to {@code to} and the step in the history, one statement. */
    private void change(Connection db, UUID delivery, String to, String assignments, String channel, String detail)
            throws SQLException {
        String sql = "with changed as (update bench.delivery set status = ?" + assignments
                + " where id = ? and status = 'QUEUED' returning id)"
                + " insert into bench.delivery_status (delivery_id, status, at, detail)"
                + " select id, ?, ?, ? from changed";
        if (channel == null) {
            update(db, sql, to, delivery, to, now(), detail);
        } else {
            update(db, sql, to, channel, delivery, to, now(), detail);
        }
    }

    /** The dispatcher's transaction for the second delivery: taken, its recipient read, no channel, SKIPPED. */
    private void dispatchSkipped(Connection db, UUID delivery, Offer offer) throws SQLException {
        query(
                db,
                "select id from bench.delivery where status = 'QUEUED' and next_attempt_at <= ? and id = ?",
                now(),
                delivery);
        query(
                db,
                "select * from bench.delivery where id = ? and status = 'QUEUED' and next_attempt_at <= ?"
                        + " for update skip locked",
                delivery,
                now());
        query(db, "select * from public.recipient where key = ?", "volunteer:" + offer.volunteer());
        change(db, delivery, "SKIPPED", ", attempts = attempts + 1", null, SKIPPED_DETAIL);
        db.commit();
    }

    private void acceptFewest(Connection volunteers, Connection notifications, Offer offer) throws SQLException {
        UUID eventId = UUID.randomUUID();
        boolean confirmed;
        PreparedStatement accept = prepared(volunteers, FEWEST_ACCEPT);
        bind(
                accept,
                offer.item(),
                offer.role(),
                offer.id(),
                offer.id(),
                eventId,
                CONFIRMED_TYPE,
                WAITLISTED_TYPE,
                payload,
                TRACEPARENT,
                TRACEPARENT);
        try (ResultSet row = accept.executeQuery()) {
            row.next();
            confirmed = row.getBoolean(1);
        }
        String kind = confirmed ? "ASSIGNMENT_CONFIRMED" : "ASSIGNMENT_WAITLISTED";
        PreparedStatement notice = prepared(notifications, confirmed ? FEWEST_CONFIRMED_NOTICE : FEWEST_NOTICE);
        List<Object> values = new ArrayList<>(List.of(
                eventId,
                confirmed ? CONFIRMED_TYPE : WAITLISTED_TYPE,
                offer.id(),
                "volunteer:" + offer.volunteer(),
                kind,
                offer.id().toString(),
                params(offer),
                SKIPPED_DETAIL,
                "volunteer:" + offer.volunteer(),
                offer.subject(),
                INBOX_TITLE,
                INBOX_BODY));
        if (confirmed) {
            values.addAll(List.of(offer.id(), offer.volunteer(), offer.item(), offer.item(), params(offer)));
        }
        bind(notice, values.toArray());
        try (ResultSet row = notice.executeQuery()) {
            row.next();
        }
    }

    /**
     * P0's accept, one statement: the seat taken if the offer is open and a place free, the offer moved to
     * CONFIRMED or WAITLISTED, the outbox row; whether it was confirmed.
     */
    private static final String FEWEST_ACCEPT =
            """
            with place as (
              update bench.staffing_need set confirmed = confirmed + 1
              where item_id = ? and role = ? and confirmed < headcount
                and exists (select from bench.assignment where id = ? and status = 'OFFERED')
              returning 1),
            moved as (
              update bench.assignment set status = case when p.taken then 'CONFIRMED' else 'WAITLISTED' end,
                answered_at = now(),
                waitlist_order = case when p.taken then null else nextval('bench.waitlist_order') end,
                version = version + 1
              from (select exists (select from place) as taken) p
              where id = ? and status = 'OFFERED'
              returning id, p.taken)
            insert into bench.outbox_event
              (event_id, aggregate_type, aggregate_id, event_type, topic, payload, traceparent, trace_id)
            select ?, 'assignment', id::text, case when taken then ? else ? end, 'caravan.assignments.v1', ?::jsonb, ?,
              split_part(?, '-', 2)
            from moved
            returning event_type = 'org.caravan.assignment.confirmed.v1'
            """;

    /**
     * P0's notice, one statement: the event claimed, the offer warning dropped, the inbox delivery SENT and the
     * second SKIPPED with their history, the inbox entry; for a confirmation, the place and two reminders too.
     */
    private static String fewestNotice(boolean confirmed) {
        return """
                with claim as (
                  insert into bench.processed_event (consumer, event_id, event_type)
                  values ('notification-service', ?, ?) on conflict do nothing returning event_id),
                dropped as (
                  update bench.reminder set status = 'DROPPED' where assignment_id = ? and kind = 'OFFER_EXPIRING'
                    and status = 'PLANNED' and exists (select from claim)),
                queued as (
                  insert into bench.delivery (event_id, recipient, rank, channel, kind, subject_id, params, urgent,
                    status, attempts, next_attempt_at)
                  select c.event_id, ?, r.rank, r.channel, ?, ?, ?::jsonb, false, r.status, 1, now()
                  from claim c, (values (0, 'INBOX', 'SENT'), (1, null, 'SKIPPED')) r (rank, channel, status)
                  on conflict (event_id, recipient, rank) do nothing
                  returning id, rank, status, event_id, kind, subject_id),
                history as (
                  insert into bench.delivery_status (delivery_id, status, detail)
                  select q.id, s.status, s.detail
                  from queued q, lateral (values (1, 'QUEUED', null),
                    (2, q.status, case when q.rank = 1 then ?::text end)) s (n, status, detail)
                  order by q.rank, s.n),
                inbox as (
                  insert into bench.inbox_entry (recipient, kind, subject_id, title, body, event_id, delivery_id)
                  select coalesce((select subject from public.recipient where key = ?), ?), q.kind,
                    q.subject_id, ?, ?, q.event_id, q.id
                  from queued q where q.rank = 0)
                """
                + (confirmed
                        ? """
                        , placed as (
                          insert into bench.place (assignment_id, volunteer_id, visit_id, item_id, params)
                          select ?, ?, ?, ?, ?::jsonb from claim
                          on conflict (assignment_id) do update set params = excluded.params
                          returning assignment_id, volunteer_id, visit_id, item_id, params),
                        reminded as (
                          insert into bench.reminder (assignment_id, volunteer_id, visit_id, item_id, kind,
                            lead_minutes, due_at, params, status)
                          select p.assignment_id, p.volunteer_id, p.visit_id, p.item_id, 'REMINDER', l.lead,
                            now() + interval '10 days', p.params, 'PLANNED'
                          from placed p, (values (1440), (120)) l (lead)
                          on conflict (assignment_id, kind, lead_minutes) do update set due_at = excluded.due_at,
                            params = excluded.params, status = 'PLANNED')
                        """
                        : "")
                + "select count(*) from queued";
    }

    private static final String FEWEST_NOTICE = fewestNotice(false);
    private static final String FEWEST_CONFIRMED_NOTICE = fewestNotice(true);

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    /** The relay's work without Kafka: take the oldest pending rows under the advisory lock, stamp them sent. */
    private void relay(AtomicBoolean running) {
        try (Connection db = transactional("volunteer_service")) {
            while (running.get()) {
                query(db, "select pg_try_advisory_xact_lock(1)");
                List<Long> sequences = new ArrayList<>();
                try (PreparedStatement select = db.prepareStatement(
                                "select sequence, event_id, aggregate_id, event_type, topic, payload, traceparent, occurred_at"
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
