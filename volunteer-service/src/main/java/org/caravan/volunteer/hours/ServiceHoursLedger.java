package org.caravan.volunteer.hours;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.caravan.contracts.staffing.ServiceHoursCertified;
import org.caravan.contracts.staffing.ServiceHoursCorrected;
import org.caravan.platform.web.ProblemException;
import org.caravan.volunteer.staffing.Assignment;
import org.caravan.volunteer.staffing.AssignmentStatus;
import org.caravan.volunteer.staffing.Assignments;
import org.caravan.volunteer.staffing.Assignments.Caller;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * The append-only record of service hours. An assignment's hours are its computed entry plus its corrections;
 * the certified hours are the total a coordinator last certified; the difference is pending.
 */
@Service
class ServiceHoursLedger {

    private final Clock clock;

    static final BigDecimal MOST_IN_A_DAY = BigDecimal.valueOf(24);

    private final DatabaseClient database;
    private final Assignments assignments;

    ServiceHoursLedger(DatabaseClient database, Assignments assignments, Clock clock) {
        this.clock = clock;
        this.database = database;
        this.assignments = assignments;
    }

    record Entry(
            UUID entryId,
            UUID assignmentId,
            String itemTitle,
            String site,
            Instant itemStartsAt,
            String kind,
            BigDecimal hours,
            String reason,
            String author,
            Instant recordedAt) {}

    record YearTotal(int year, BigDecimal totalHours, BigDecimal certifiedHours, BigDecimal pendingHours) {}

    record Statement(UUID volunteerId, List<YearTotal> years, List<Entry> entries) {}

    Mono<Void> computed(Assignment assignment, BigDecimal hours, String author) {
        return append(assignment, "COMPUTED", hours, null, author);
    }

    /** A new entry with the signed change and the reason; what was recorded before stays as it was. */
    @Transactional
    public Mono<Assignment> correct(UUID assignmentId, BigDecimal hours, String reason, String coordinator) {
        Instant now = now();
        return assignments.lockFor(assignmentId, new Caller(coordinator, true)).flatMap(assignment -> {
            requireServed(assignment);
            return totals(assignmentId).flatMap(totals -> {
                BigDecimal after = totals.total().add(hours);
                if (after.signum() < 0 || after.compareTo(MOST_IN_A_DAY) > 0) {
                    throw ProblemException.invalidField(
                            "hours", "the total would be " + after + " hours; it must stay between 0 and 24");
                }
                return append(assignment, "CORRECTION", hours, reason, coordinator)
                        .then(assignments.publish(
                                assignment,
                                snapshot ->
                                        new ServiceHoursCorrected(snapshot, hours, after, reason, coordinator, now)));
            });
        });
    }

    /** Certifies the total as it stands, corrections included; certifying the same total twice is refused. */
    @Transactional
    public Mono<Assignment> certify(UUID assignmentId, String coordinator) {
        Instant now = now();
        return assignments.lockFor(assignmentId, new Caller(coordinator, true)).flatMap(assignment -> {
            requireServed(assignment);
            return totals(assignmentId).flatMap(totals -> {
                if (totals.certified() != null && totals.certified().compareTo(totals.total()) == 0) {
                    throw ProblemException.conflict(
                            "Already certified",
                            totals.total() + " hours are already certified; add a correction first");
                }
                return append(assignment, "CERTIFIED", totals.total(), null, coordinator)
                        .then(assignments.publish(
                                assignment,
                                snapshot -> new ServiceHoursCertified(snapshot, totals.total(), coordinator, now)));
            });
        });
    }

    /** Every entry of the volunteer, and per year (of the item, in the site's zone) total, certified and pending. */
    public Mono<Statement> statement(UUID volunteerId) {
        return database.sql(
                        """
                        select e.id, e.assignment_id, e.kind, e.hours, e.reason, e.author, e.recorded_at,
                          i.title, i.starts_at, i.site_name, i.time_zone
                        from service_hours_entry e join assignment a on a.id = e.assignment_id
                        join programme_item i on i.item_id = a.item_id
                        where e.volunteer_id = :volunteer order by i.starts_at, e.recorded_at
                        """)
                .bind("volunteer", volunteerId)
                .map(row -> Map.entry(
                        new Entry(
                                row.get("id", UUID.class),
                                row.get("assignment_id", UUID.class),
                                row.get("title", String.class),
                                row.get("site_name", String.class),
                                row.get("starts_at", OffsetDateTime.class).toInstant(),
                                row.get("kind", String.class),
                                row.get("hours", BigDecimal.class),
                                row.get("reason", String.class),
                                row.get("author", String.class),
                                row.get("recorded_at", OffsetDateTime.class).toInstant()),
                        ZoneId.of(row.get("time_zone", String.class))))
                .all()
                .collectList()
                .map(rows -> new Statement(
                        volunteerId,
                        years(rows),
                        rows.stream().map(Map.Entry::getKey).toList()));
    }

    private static List<YearTotal> years(List<Map.Entry<Entry, ZoneId>> rows) {
        Map<Integer, Map<UUID, Totals>> byYear = new TreeMap<>();
        for (Map.Entry<Entry, ZoneId> row : rows) {
            Entry entry = row.getKey();
            int year = entry.itemStartsAt().atZone(row.getValue()).getYear();
            byYear.computeIfAbsent(year, y -> new java.util.LinkedHashMap<>())
                    .merge(entry.assignmentId(), Totals.of(entry), Totals::then);
        }
        return byYear.entrySet().stream()
                .map(year -> {
                    BigDecimal total = year.getValue().values().stream()
                            .map(Totals::total)
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    BigDecimal certified = year.getValue().values().stream()
                            .map(Totals::certifiedOrZero)
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    return new YearTotal(year.getKey(), total, certified, total.subtract(certified));
                })
                .toList();
    }

    /** One assignment's hours so far, and what was last certified of them (null: never). */
    record Totals(BigDecimal total, BigDecimal certified) {

        static Totals of(Entry entry) {
            return "CERTIFIED".equals(entry.kind())
                    ? new Totals(BigDecimal.ZERO, entry.hours())
                    : new Totals(entry.hours(), null);
        }

        /** Entries are read oldest first: later certifications replace earlier ones, hours add up. */
        Totals then(Totals later) {
            return new Totals(total.add(later.total), later.certified != null ? later.certified : certified);
        }

        BigDecimal certifiedOrZero() {
            return certified == null ? BigDecimal.ZERO : certified.min(total);
        }
    }

    private Mono<Totals> totals(UUID assignmentId) {
        return database.sql(
                        """
                        select coalesce(sum(hours) filter (where kind <> 'CERTIFIED'), 0) as total,
                          (select hours from service_hours_entry c where c.assignment_id = :assignment
                             and c.kind = 'CERTIFIED' order by c.recorded_at desc limit 1) as certified
                        from service_hours_entry where assignment_id = :assignment
                        """)
                .bind("assignment", assignmentId)
                .map(row -> new Totals(row.get("total", BigDecimal.class), row.get("certified", BigDecimal.class)))
                .one();
    }

    private Mono<Void> append(Assignment assignment, String kind, BigDecimal hours, String reason, String author) {
        DatabaseClient.GenericExecuteSpec insert = database.sql(
                        """
                        insert into service_hours_entry (assignment_id, volunteer_id, kind, hours, reason, author, recorded_at)
                        values (:assignment, :volunteer, :kind, :hours, :reason, :author, clock_timestamp())
                        """)
                .bind("assignment", assignment.id())
                .bind("volunteer", assignment.volunteerId())
                .bind("kind", kind)
                .bind("hours", hours)
                .bind("author", author);
        return (reason == null ? insert.bindNull("reason", String.class) : insert.bind("reason", reason)).then();
    }

    private static void requireServed(Assignment assignment) {
        if (assignment.status() != AssignmentStatus.CHECKED_OUT && assignment.status() != AssignmentStatus.NO_SHOW) {
            throw ProblemException.conflict(
                    "Assignment is " + assignment.status(),
                    "Hours are certified or corrected after check-out (or a no-show found to have served)");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
