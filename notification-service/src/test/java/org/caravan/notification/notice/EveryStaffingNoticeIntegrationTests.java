package org.caravan.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.staffing.AssignmentOfferExpired;
import org.caravan.contracts.staffing.AssignmentPromoted;
import org.caravan.contracts.staffing.AssignmentReconfirmationRequested;
import org.caravan.contracts.staffing.AssignmentSnapshot;
import org.caravan.contracts.staffing.AssignmentWaitlisted;
import org.caravan.contracts.staffing.NoShowRecorded;
import org.caravan.contracts.staffing.ServiceHoursCertified;
import org.caravan.contracts.staffing.StaffingGapsFound;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.notification.NotificationServiceIntegrationTest;
import org.caravan.platform.testing.EventSamples;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Each staffing event a volunteer or coordinator hears about becomes the notice of its kind, in their language. */
class EveryStaffingNoticeIntegrationTests extends NotificationServiceIntegrationTest {

    private static final Instant NEXT_WEEK = now().plus(Duration.ofDays(7));

    @Test
    void aVolunteerHearsOfWaitlistPromotionExpiryReconfirmationAndCertifiedHours() {
        String subject = "lin-" + UUID.randomUUID();
        UUID volunteer = registeredVolunteer(subject, null, "en", List.of("INBOX"), null, null);
        AssignmentSnapshot place = assignment(volunteer, UUID.randomUUID(), "WAITLISTED", NEXT_WEEK);
        AssignmentSnapshot other = assignment(volunteer, place.visitId(), "EXPIRED", NEXT_WEEK);

        publishAssignment(EventCatalog.ASSIGNMENT_WAITLISTED, new AssignmentWaitlisted(place, now()));
        awaitInbox(subject, "volunteer", 1);
        publishAssignment(EventCatalog.ASSIGNMENT_PROMOTED, new AssignmentPromoted(place, now()));
        publishAssignment(EventCatalog.ASSIGNMENT_OFFER_EXPIRED, new AssignmentOfferExpired(other, now()));
        publishAssignment(
                EventCatalog.ASSIGNMENT_RECONFIRMATION_REQUESTED,
                new AssignmentReconfirmationRequested(
                        place,
                        NEXT_WEEK.minus(Duration.ofHours(3)),
                        "Overlaps 'Chorus' at the community centre",
                        now()));
        publishAssignment(
                EventCatalog.SERVICE_HOURS_CERTIFIED,
                new ServiceHoursCertified(place, new BigDecimal("2.50"), "coordinator-li", now()));

        List<JsonNode> inbox = awaitInbox(subject, "volunteer", 5);
        assertThat(inbox)
                .extracting(e -> e.path("kind").asString())
                .containsExactlyInAnyOrder(
                        "ASSIGNMENT_WAITLISTED",
                        "ASSIGNMENT_PROMOTED",
                        "OFFER_EXPIRED",
                        "RECONFIRMATION_REQUESTED",
                        "HOURS_CERTIFIED");
        assertThat(inbox).anyMatch(e -> e.path("title").asString().startsWith("A place opened for you"));
        assertThat(inbox)
                .anyMatch(e -> e.path("body").asString().contains("Overlaps 'Chorus' at the community centre"));
        assertThat(inbox).anyMatch(e -> e.path("body").asString().contains("Your 2.5 hours of service"));
    }

    @Test
    void theCoordinatorHearsOfANoShowAndOfStaffingGapsBeforeTheVisit() {
        String coordinator = "coordinator-" + UUID.randomUUID();
        VisitSnapshot visit = scheduledBy(coordinator);
        awaitInbox(coordinator, "coordinator", 1);
        UUID volunteer =
                registeredVolunteer("absent-" + UUID.randomUUID(), null, "zh-CN", List.of("INBOX"), null, null);

        publishAssignment(
                EventCatalog.NO_SHOW_RECORDED,
                new NoShowRecorded(
                        assignment(volunteer, visit.visitId(), "NO_SHOW", NEXT_WEEK), "coordinator-li", now()));

        assertThat(awaitInbox(coordinator, "coordinator", 2))
                .anyMatch(e -> e.path("kind").asString().equals("NO_SHOW")
                        && e.path("title").asString().startsWith("未到场"));

        StaffingGapsFound gapsSample = EventSamples.event(EventCatalog.STAFFING_GAPS_FOUND);
        publish(
                EventCatalog.STAFFING_GAPS_FOUND,
                new StaffingGapsFound(
                        visit.visitId(),
                        gapsSample.siteName(),
                        gapsSample.visitStartsAt(),
                        gapsSample.timeZone(),
                        gapsSample.gaps(),
                        now()),
                "volunteer-service");
        assertThat(awaitInbox(coordinator, "coordinator", 3))
                .anyMatch(e -> e.path("kind").asString().equals("STAFFING_GAPS")
                        && e.path("body").asString().contains("Chorus 《相亲相爱》 · singer 9/12"));
    }
}
