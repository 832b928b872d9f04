package org.caravan.notification.reminder;

import io.r2dbc.postgresql.codec.Json;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.caravan.notification.message.NoticeKind;
import org.caravan.notification.notice.Notice;
import org.caravan.notification.notice.Notices;
import org.caravan.notification.recipient.Recipients;
import org.caravan.platform.EventJson;
import org.caravan.platform.scheduling.Sweeps;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Turns due reminders into notices; with several replicas, each due reminder is taken by one (skip locked). */
@Component
class ReminderSweeper {

    private final Clock clock;

    private final DatabaseClient database;
    private final Notices notices;
    private final TransactionalOperator transaction;

    ReminderSweeper(DatabaseClient database, Notices notices, TransactionalOperator transaction, Clock clock) {
        this.clock = clock;
        this.database = database;
        this.notices = notices;
        this.transaction = transaction;
    }

    @Scheduled(
            fixedDelayString = "${caravan.notification.reminder-sweep-interval:15s}",
            initialDelayString = "${caravan.notification.reminder-sweep-interval:15s}")
    void sweep() {
        Sweeps.run("Reminders", remindWhatIsDue());
    }

    /** The reminder's own id is the notice's event id, so a reminder is delivered once whatever happens. */
    @SuppressWarnings("unchecked")
    Mono<Long> remindWhatIsDue() {
        return database.sql(
                        """
                        update reminder set status = 'SENT'
                        where id in (select id from reminder where status = 'PLANNED' and due_at <= :now
                                     order by due_at limit 100 for update skip locked)
                        returning id, assignment_id, volunteer_id, kind, params
                        """)
                .bind("now", clock.instant())
                .map(row -> new Object[] {
                    row.get("id", UUID.class),
                    row.get("assignment_id", UUID.class),
                    row.get("volunteer_id", UUID.class),
                    row.get("params", Json.class),
                    row.get("kind", String.class)
                })
                .all()
                .concatMap(reminder -> notices.queue(
                                (UUID) reminder[0],
                                new Notice(
                                        Recipients.volunteerKey((UUID) reminder[2]),
                                        NoticeKind.valueOf((String) reminder[4]),
                                        reminder[1].toString(),
                                        EventJson.read(((Json) reminder[3]).asArray(), Map.class)))
                        .thenReturn(reminder))
                .count()
                .as(transaction::transactional);
    }
}
