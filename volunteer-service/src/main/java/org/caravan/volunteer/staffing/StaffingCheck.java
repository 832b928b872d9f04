package org.caravan.volunteer.staffing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.caravan.contracts.staffing.StaffingGap;
import org.caravan.contracts.staffing.StaffingGapsFound;
import org.caravan.platform.outbox.Outbox;
import org.caravan.platform.scheduling.Sweeps;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Shortly before each scheduled visit (48 hours by default) its staffing is checked once; if roles still lack
 * people, StaffingGapsFound tells the coordinator while there is time to act. A rescheduled visit is checked
 * again. Replicas take visits the others have not locked.
 */
@Component
class StaffingCheck {

    private final Clock clock;

    private final DatabaseClient database;
    private final StaffingBoard board;
    private final Outbox outbox;
    private final TransactionalOperator transaction;
    private final Duration before;

    StaffingCheck(
            DatabaseClient database,
            StaffingBoard board,
            Outbox outbox,
            TransactionalOperator transaction,
            @Value("${caravan.staffing.gap-check-before:48h}") Duration before,
            Clock clock) {
        this.clock = clock;
        this.database = database;
        this.board = board;
        this.outbox = outbox;
        this.transaction = transaction;
        this.before = before;
    }

    @Scheduled(
            fixedDelayString = "${caravan.staffing.gap-check-interval:60s}",
            initialDelayString = "${caravan.staffing.gap-check-interval:60s}")
    void sweep() {
        Sweeps.run("Staffing check", checkVisitsStartingSoon());
    }

    Mono<Long> checkVisitsStartingSoon() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return database.sql(
                        """
                        update visit_plan set gaps_checked_at = :now
                        where visit_id in (select visit_id from visit_plan where status = 'SCHEDULED'
                                             and gaps_checked_at is null and starts_at > :now and starts_at <= :horizon
                                           limit 50 for update skip locked)
                        returning visit_id, site_name, starts_at, time_zone
                        """)
                .bind("now", now)
                .bind("horizon", now.plus(before))
                .map(row -> new StaffingGapsFound(
                        row.get("visit_id", UUID.class),
                        row.get("site_name", String.class),
                        row.get("starts_at", OffsetDateTime.class).toInstant(),
                        row.get("time_zone", String.class),
                        java.util.List.of(),
                        now))
                .all()
                .concatMap(visit -> board.of(visit.visitId()).flatMap(lines -> {
                    var gaps = lines.stream()
                            .filter(line -> line.gaps() > 0)
                            .map(line -> new StaffingGap(
                                    line.itemId(),
                                    line.title(),
                                    line.startsAt(),
                                    line.role(),
                                    line.needed(),
                                    line.confirmed()))
                            .toList();
                    return gaps.isEmpty()
                            ? Mono.empty()
                            : outbox.append(new StaffingGapsFound(
                                            visit.visitId(),
                                            visit.siteName(),
                                            visit.visitStartsAt(),
                                            visit.timeZone(),
                                            gaps,
                                            now))
                                    .thenReturn(visit);
                }))
                .count()
                .as(transaction::transactional);
    }
}
