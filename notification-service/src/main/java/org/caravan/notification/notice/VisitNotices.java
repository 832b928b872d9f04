package org.caravan.notification.notice;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.caravan.contracts.visit.VisitCancelled;
import org.caravan.contracts.visit.VisitEvent;
import org.caravan.contracts.visit.VisitRescheduled;
import org.caravan.contracts.visit.VisitScheduled;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.notification.message.NoticeKind;
import org.caravan.notification.recipient.Recipients;
import org.caravan.notification.reminder.Reminders;
import org.caravan.platform.messaging.IncomingEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Visits: the coordinator who scheduled one is told it is on the calendar and will hear of its staffing;
 * reminders follow a rescheduled visit and are dropped with a cancelled one (volunteers hear of the cancellation
 * through their assignments' ends, with the reason).
 */
@Component
class VisitNotices {

    private final Notices notices;
    private final Recipients recipients;
    private final Reminders reminders;

    VisitNotices(Notices notices, Recipients recipients, Reminders reminders) {
        this.notices = notices;
        this.recipients = recipients;
        this.reminders = reminders;
    }

    Mono<Void> visitChanged(IncomingEvent<VisitEvent> event) {
        VisitEvent change = event.payload();
        if (change instanceof VisitScheduled scheduled) {
            return scheduled(event, scheduled);
        }
        if (change instanceof VisitRescheduled moved) {
            return reminders.replan(moved.visit()).then(tellPlacesMoved(event, moved));
        }
        if (change instanceof VisitCancelled cancelled) {
            return reminders.dropForVisit(cancelled.visit().visitId());
        }
        return Mono.empty();
    }

    /** Every volunteer with a place on the visit hears its new time, once however many places they hold. */
    private Mono<Void> tellPlacesMoved(IncomingEvent<VisitEvent> event, VisitRescheduled moved) {
        ZoneId zone = ZoneId.of(moved.visit().site().timeZone());
        Map<UUID, Instant> newStarts = new HashMap<>();
        moved.visit()
                .programme()
                .forEach(item -> newStarts.put(
                        item.itemId(), item.startsAt().atZone(zone).toInstant()));
        return reminders
                .placesOn(moved.visit().visitId())
                .filter(place -> newStarts.containsKey(place.itemId()))
                .concatMap(place -> {
                    Map<String, String> params = new HashMap<>(place.params());
                    params.put("previousStartsAt", params.get("startsAt"));
                    params.put("startsAt", newStarts.get(place.itemId()).toString());
                    params.put("reason", moved.reason());
                    return notices.queue(
                            event.id(),
                            new Notice(
                                    Recipients.volunteerKey(place.volunteerId()),
                                    NoticeKind.PLACE_MOVED,
                                    place.assignmentId().toString(),
                                    params));
                })
                .then();
    }

    private Mono<Void> scheduled(IncomingEvent<VisitEvent> event, VisitScheduled scheduled) {
        VisitSnapshot visit = scheduled.visit();
        ZoneId zone = ZoneId.of(visit.site().timeZone());
        Map<String, String> params = new HashMap<>();
        params.put("theme", visit.theme());
        params.put("site", visit.site().name());
        params.put("startsAt", visit.startsAt().atZone(zone).toInstant().toString());
        params.put("timeZone", zone.getId());
        params.put("items", String.valueOf(visit.programme().size()));
        return recipients
                .coordinates(visit.visitId(), scheduled.scheduledBy())
                .then(notices.queue(
                        event.id(),
                        new Notice(
                                Recipients.subjectKey(scheduled.scheduledBy()),
                                NoticeKind.VISIT_SCHEDULED,
                                visit.visitId().toString(),
                                params)));
    }
}
