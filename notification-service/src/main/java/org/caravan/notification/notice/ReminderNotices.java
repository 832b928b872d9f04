package org.caravan.notification.notice;

import java.time.Clock;
import org.caravan.notification.recipient.Recipients;
import org.caravan.notification.reminder.Reminders;
import org.caravan.platform.scheduling.Sweeps;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Turns due reminders into notices, as the other notice handlers turn events into them: reminders are planned and
 * kept by {@link Reminders}, which knows nothing of notices. With several replicas, each due reminder is taken by
 * one.
 */
@Component
class ReminderNotices {

    private static final int AT_A_TIME = 100;

    private final Clock clock;
    private final Reminders reminders;
    private final Notices notices;
    private final TransactionalOperator transaction;

    ReminderNotices(Reminders reminders, Notices notices, TransactionalOperator transaction, Clock clock) {
        this.clock = clock;
        this.reminders = reminders;
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
    Mono<Long> remindWhatIsDue() {
        return reminders
                .takeDue(clock.instant(), AT_A_TIME)
                .concatMap(due -> notices.queue(
                                due.id(),
                                new Notice(
                                        Recipients.volunteerKey(due.volunteerId()),
                                        due.kind(),
                                        due.assignmentId().toString(),
                                        due.params()))
                        .thenReturn(due))
                .count()
                .as(transaction::transactional);
    }
}
