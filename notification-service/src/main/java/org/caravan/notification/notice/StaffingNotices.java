package org.caravan.notification.notice;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.caravan.contracts.staffing.AssignmentCancelled;
import org.caravan.contracts.staffing.AssignmentConfirmed;
import org.caravan.contracts.staffing.AssignmentDeclined;
import org.caravan.contracts.staffing.AssignmentEvent;
import org.caravan.contracts.staffing.AssignmentOfferExpired;
import org.caravan.contracts.staffing.AssignmentOffered;
import org.caravan.contracts.staffing.AssignmentPromoted;
import org.caravan.contracts.staffing.AssignmentReconfirmationRequested;
import org.caravan.contracts.staffing.AssignmentReleased;
import org.caravan.contracts.staffing.AssignmentSnapshot;
import org.caravan.contracts.staffing.AssignmentWaitlisted;
import org.caravan.contracts.staffing.AssignmentWithdrawn;
import org.caravan.contracts.staffing.NoShowRecorded;
import org.caravan.contracts.staffing.ServiceHoursCertified;
import org.caravan.contracts.staffing.StaffingGapsFound;
import org.caravan.notification.message.NoticeKind;
import org.caravan.notification.recipient.Recipients;
import org.caravan.notification.reminder.Reminders;
import org.caravan.platform.messaging.IncomingEvent;
import org.caravan.platform.security.AnswerLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who hears what about an assignment: the volunteer (or the team's lead) of offers, with links to answer, of
 * confirmations, waitlists, promotions, expiries, requests to reconfirm, cancellations and certified hours; the
 * visit's coordinator of declines, withdrawals and no-shows. Confirmations plan reminders; endings drop them.
 */
@Component
class StaffingNotices {

    private final Notices notices;
    private final Recipients recipients;
    private final Reminders reminders;
    private final AnswerLinks links;
    private final String answerLinkBase;

    StaffingNotices(
            Notices notices,
            Recipients recipients,
            Reminders reminders,
            AnswerLinks links,
            @Value("${caravan.notification.answer-link-base}") String answerLinkBase) {
        this.notices = notices;
        this.recipients = recipients;
        this.reminders = reminders;
        this.links = links;
        this.answerLinkBase = answerLinkBase;
    }

    Mono<Void> offered(IncomingEvent<AssignmentOffered> event) {
        return offer(event, NoticeKind.ASSIGNMENT_OFFERED);
    }

    /** The volunteer said yes once already: the notice says a place opened for them. */
    Mono<Void> promoted(IncomingEvent<AssignmentPromoted> event) {
        return offer(event, NoticeKind.ASSIGNMENT_PROMOTED);
    }

    /** An offer to answer, with its links, and a warning planned before it expires. */
    private Mono<Void> offer(IncomingEvent<? extends AssignmentEvent> event, NoticeKind kind) {
        AssignmentSnapshot assignment = event.payload().assignment();
        Map<String, String> params = params(assignment);
        params.put("expiresAt", assignment.offerExpiresAt().toString());
        params.put("acceptLink", link(assignment, "accept"));
        params.put("declineLink", link(assignment, "decline"));
        return toVolunteer(event, kind, params).then(reminders.planOfferWarning(assignment, params));
    }

    Mono<Void> confirmed(IncomingEvent<AssignmentConfirmed> event) {
        Map<String, String> params = params(event.payload().assignment());
        return reminders
                .dropOfferWarning(event.payload().assignment().assignmentId())
                .then(toVolunteer(event, NoticeKind.ASSIGNMENT_CONFIRMED, params))
                .then(reminders.plan(event.payload().assignment(), params));
    }

    Mono<Void> waitlisted(IncomingEvent<AssignmentWaitlisted> event) {
        return reminders
                .dropOfferWarning(event.payload().assignment().assignmentId())
                .then(toVolunteer(
                        event,
                        NoticeKind.ASSIGNMENT_WAITLISTED,
                        params(event.payload().assignment())));
    }

    Mono<Void> expired(IncomingEvent<AssignmentOfferExpired> event) {
        Map<String, String> params = params(event.payload().assignment());
        params.put("expiresAt", event.payload().expiredAt().toString());
        return reminders
                .dropForAssignment(event.payload().assignment().assignmentId())
                .then(toVolunteer(event, NoticeKind.OFFER_EXPIRED, params));
    }

    Mono<Void> reconfirm(IncomingEvent<AssignmentReconfirmationRequested> event) {
        Map<String, String> params = params(event.payload().assignment());
        params.put("previousStartsAt", event.payload().previousStartsAt().toString());
        params.put("conflict", event.payload().conflict());
        return toVolunteer(event, NoticeKind.RECONFIRMATION_REQUESTED, params);
    }

    Mono<Void> certified(IncomingEvent<ServiceHoursCertified> event) {
        Map<String, String> params = params(event.payload().assignment());
        params.put("hours", event.payload().hours().stripTrailingZeros().toPlainString());
        return toVolunteer(event, NoticeKind.HOURS_CERTIFIED, params);
    }

    Mono<Void> declined(IncomingEvent<AssignmentDeclined> event) {
        return reminders
                .dropForAssignment(event.payload().assignment().assignmentId())
                .then(toCoordinator(
                        event,
                        NoticeKind.VOLUNTEER_DECLINED,
                        params(event.payload().assignment())));
    }

    /** The volunteer withdrew: the coordinator is told why. */
    Mono<Void> withdrawn(IncomingEvent<AssignmentWithdrawn> event) {
        if (event.payload().endedByTheVisit()) {
            return endedByTheVisit(event, event.payload().reason());
        }
        Map<String, String> params = params(event.payload().assignment());
        params.put("reason", event.payload().reason());
        return reminders
                .dropForAssignment(event.payload().assignment().assignmentId())
                .then(toCoordinator(event, NoticeKind.VOLUNTEER_WITHDREW, params));
    }

    Mono<Void> cancelled(IncomingEvent<AssignmentCancelled> event) {
        return endedByTheVisit(event, event.payload().reason());
    }

    Mono<Void> released(IncomingEvent<AssignmentReleased> event) {
        return endedByTheVisit(event, event.payload().reason());
    }

    /** The visit was cancelled or the item removed: the volunteer is told why, and their reminders go. */
    private Mono<Void> endedByTheVisit(IncomingEvent<? extends AssignmentEvent> event, String reason) {
        Map<String, String> params = params(event.payload().assignment());
        params.put("reason", reason);
        return reminders
                .dropForAssignment(event.payload().assignment().assignmentId())
                .then(toVolunteer(event, NoticeKind.ASSIGNMENT_ENDED, params));
    }

    Mono<Void> noShow(IncomingEvent<NoShowRecorded> event) {
        return reminders
                .dropForAssignment(event.payload().assignment().assignmentId())
                .then(toCoordinator(
                        event, NoticeKind.NO_SHOW, params(event.payload().assignment())));
    }

    /** Shortly before the visit, the coordinator who scheduled it hears which roles still lack people. */
    Mono<Void> gapsFound(IncomingEvent<StaffingGapsFound> event) {
        StaffingGapsFound found = event.payload();
        Map<String, String> params = new HashMap<>();
        params.put("site", found.siteName());
        params.put("startsAt", found.visitStartsAt().toString());
        params.put("timeZone", found.timeZone());
        params.put("visitId", found.visitId().toString());
        params.put(
                "gaps",
                found.gaps().stream()
                        .map(gap -> gap.itemTitle() + " · " + gap.role() + " " + gap.confirmed() + "/" + gap.needed())
                        .collect(java.util.stream.Collectors.joining("; ")));
        return recipients
                .coordinatorOf(found.visitId())
                .flatMap(coordinator -> notices.queue(
                        event.id(),
                        new Notice(
                                Recipients.subjectKey(coordinator),
                                NoticeKind.STAFFING_GAPS,
                                found.visitId().toString(),
                                params)));
    }

    private Mono<Void> toVolunteer(
            IncomingEvent<? extends AssignmentEvent> event, NoticeKind kind, Map<String, String> params) {
        AssignmentSnapshot assignment = event.payload().assignment();
        return notices.queue(
                event.id(),
                new Notice(
                        Recipients.volunteerKey(assignment.volunteerId()),
                        kind,
                        assignment.assignmentId().toString(),
                        params));
    }

    private Mono<Void> toCoordinator(
            IncomingEvent<? extends AssignmentEvent> event, NoticeKind kind, Map<String, String> params) {
        AssignmentSnapshot assignment = event.payload().assignment();
        return recipients
                .find(Recipients.volunteerKey(assignment.volunteerId()))
                .map(volunteer -> volunteer.name())
                .defaultIfEmpty("A volunteer")
                .flatMap(name -> {
                    params.put("volunteer", name);
                    return recipients.coordinatorOf(assignment.visitId());
                })
                .flatMap(coordinator -> notices.queue(
                        event.id(),
                        new Notice(
                                Recipients.subjectKey(coordinator),
                                kind,
                                assignment.assignmentId().toString(),
                                params)));
    }

    private String link(AssignmentSnapshot assignment, String answer) {
        Instant expires = assignment.offerExpiresAt();
        return answerLinkBase + "/api/answer-links/" + links.token(assignment.assignmentId(), answer, expires);
    }

    static Map<String, String> params(AssignmentSnapshot assignment) {
        Map<String, String> params = new HashMap<>();
        params.put("item", assignment.itemTitle());
        params.put("site", assignment.siteName());
        params.put("startsAt", assignment.itemStartsAt().toString());
        params.put("timeZone", assignment.timeZone());
        params.put("role", assignment.role());
        params.put("visitId", assignment.visitId().toString());
        return params;
    }
}
