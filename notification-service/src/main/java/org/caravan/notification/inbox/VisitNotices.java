package org.caravan.notification.inbox;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.caravan.contracts.visit.VisitScheduled;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.platform.messaging.IncomingEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Turns visit events into inbox notices for the people concerned. */
@Component
class VisitNotices {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final InboxRepository inbox;

    VisitNotices(InboxRepository inbox) {
        this.inbox = inbox;
    }

    /** The coordinator who scheduled the visit is told it is on the calendar. */
    Mono<Void> visitScheduled(IncomingEvent<VisitScheduled> event) {
        VisitSnapshot visit = event.payload().visit();
        String body = "%s at %s, %s to %s (%s), %d programme items"
                .formatted(
                        visit.theme(),
                        visit.site().name(),
                        WHEN.format(visit.startsAt()),
                        WHEN.format(visit.endsAt()),
                        visit.site().timeZone(),
                        visit.programme().size());
        return inbox.save(new InboxEntry(
                        null,
                        event.payload().scheduledBy(),
                        NoticeKind.VISIT_SCHEDULED,
                        visit.visitId().toString(),
                        "Visit scheduled: " + visit.theme(),
                        body,
                        event.id(),
                        Instant.now(),
                        null))
                .then();
    }
}
