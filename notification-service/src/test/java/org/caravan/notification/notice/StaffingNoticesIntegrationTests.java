package org.caravan.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.staffing.AssignmentCancelled;
import org.caravan.contracts.staffing.AssignmentConfirmed;
import org.caravan.contracts.staffing.AssignmentDeclined;
import org.caravan.contracts.staffing.AssignmentOffered;
import org.caravan.contracts.staffing.AssignmentReleased;
import org.caravan.contracts.staffing.AssignmentSnapshot;
import org.caravan.contracts.staffing.AssignmentWithdrawn;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.notification.NotificationServiceIntegrationTest;
import org.caravan.platform.security.AnswerLinks;
import org.caravan.platform.testing.AcrossTheWeek;
import org.caravan.platform.testing.Moments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

@AcrossTheWeek
class StaffingNoticesIntegrationTests extends NotificationServiceIntegrationTest {

    @Parameter
    Moments moment;

    @BeforeEach
    void atTheMoment() {
        CLOCK.setTo(moment.instant());
    }

    private static final Instant SATURDAY_MORNING = Instant.parse("2026-12-05T01:30:00Z");

    @Value("${caravan.answer-links.secret}")
    String answerLinkSecret;

    @Test
    void anOfferReachesTheVolunteersInboxAndMailboxInTheirLanguageWithLinksToAnswer() throws Exception {
        String subject = "wang-" + UUID.randomUUID();
        String email = uniqueAddress("wang");
        UUID volunteer = registeredVolunteer(subject, email, "en", List.of("EMAIL", "INBOX"), null, null);
        AssignmentSnapshot offer = assignment(volunteer, UUID.randomUUID(), "OFFERED", SATURDAY_MORNING);

        publishAssignment(EventCatalog.ASSIGNMENT_OFFERED, new AssignmentOffered(offer, now()));

        JsonNode entry = awaitInbox(subject, "volunteer", 1).get(0);
        assertThat(entry.path("title").asString()).isEqualTo("You are asked to serve: Recitation 《读中国》 Reading China");
        assertThat(entry.path("body").asString()).contains("蒲公英中学 Dandelion School", "5 Dec 2026, 09:30", "as reciter");
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email).size() == 1);
        MimeMessage mail = mailTo(email).get(0);
        assertThat(mail.getSubject()).isEqualTo("You are asked to serve: Recitation 《读中国》 Reading China");
        String text = mail.getContent().toString();
        String acceptLink = text.substring(text.indexOf("Accept: ") + 8, text.indexOf(" Decline:"));
        String token = acceptLink.substring(acceptLink.lastIndexOf('/') + 1);
        AnswerLinks.Answer answer =
                new AnswerLinks(answerLinkSecret).read(token, now()).orElseThrow();
        assertThat(answer.assignmentId()).isEqualTo(offer.assignmentId());
        assertThat(answer.answer()).isEqualTo("accept");
    }

    @Test
    void theSameConfirmationDeliveredThreeTimesSendsOneEmail() {
        String subject = "li-" + UUID.randomUUID();
        String email = uniqueAddress("li");
        UUID volunteer = registeredVolunteer(subject, email, "zh-CN", List.of("EMAIL"), null, null);
        AssignmentConfirmed confirmed =
                new AssignmentConfirmed(assignment(volunteer, UUID.randomUUID(), "CONFIRMED", SATURDAY_MORNING), now());
        UUID eventId = UUID.randomUUID();

        for (int i = 0; i < 3; i++) {
            publish(EventCatalog.ASSIGNMENT_CONFIRMED, confirmed, "volunteer-service", eventId);
        }

        JsonNode sentinel = fenceAfter(confirmed.assignment(), subject);
        List<JsonNode> confirmations = inboxOf(subject, "volunteer").stream()
                .filter(entry -> !entry.path("id").equals(sentinel.path("id")))
                .toList();
        assertThat(confirmations).hasSize(1);
        assertThat(confirmations.get(0).path("title").asString()).isEqualTo("已确认：Recitation 《读中国》 Reading China");
        assertThat(confirmations.get(0).path("body").asString()).contains("2026年12月5日 09:30");
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email).size() == 2);
        assertThat(mailTo(email))
                .as("one e-mail for the confirmation, one for the fence")
                .extracting(mail -> mail.getSubject())
                .containsExactlyInAnyOrder(sentinel.path("title").asString(), "已确认：Recitation 《读中国》 Reading China");
    }

    @Test
    void theCoordinatorHearsOfDeclinesAndWithdrawalsAndTheVolunteerOfACancellationOrARelease() {
        VisitWithVolunteer scene = visitWithVolunteer("zhao");

        publishAssignment(EventCatalog.ASSIGNMENT_DECLINED, new AssignmentDeclined(scene.place("DECLINED"), now()));
        publishAssignment(
                EventCatalog.ASSIGNMENT_WITHDRAWN,
                new AssignmentWithdrawn(scene.place("WITHDRAWN"), "My shift was moved", now()));
        publishAssignment(
                EventCatalog.ASSIGNMENT_CANCELLED,
                new AssignmentCancelled(scene.place("CANCELLED_BY_VISIT"), "Visit cancelled: typhoon warning", now()));
        publishAssignment(
                EventCatalog.ASSIGNMENT_RELEASED,
                new AssignmentReleased(scene.place("RELEASED"), "Removed from the visit's programme", now()));

        List<JsonNode> endings = awaitInbox(scene.subject(), "volunteer", 2);
        assertThat(endings).extracting(e -> e.path("kind").asString()).containsOnly("ASSIGNMENT_ENDED");
        assertThat(endings)
                .extracting(e -> e.path("body").asString())
                .anyMatch(body -> body.contains("Visit cancelled: typhoon warning"))
                .anyMatch(body -> body.contains("Removed from the visit's programme"));
        List<JsonNode> told = awaitInbox(scene.coordinator(), "coordinator", 3);
        assertThat(told)
                .extracting(e -> e.path("kind").asString())
                .contains("VOLUNTEER_DECLINED", "VOLUNTEER_WITHDREW");
        assertThat(told)
                .anyMatch(e -> e.path("body").asString().contains("My shift was moved")
                        && e.path("body").asString().contains("Volunteer " + scene.subject()));
    }

    @Test
    void aCancellationPublishedAsAWithdrawalBeforeItHadItsOwnEventStillTellsOnlyTheVolunteer() {
        VisitWithVolunteer scene = visitWithVolunteer("wu");

        publishAssignment(
                EventCatalog.ASSIGNMENT_WITHDRAWN,
                new AssignmentWithdrawn(scene.place("CANCELLED_BY_VISIT"), "Visit cancelled: school closed", now()));

        JsonNode ended = awaitInbox(scene.subject(), "volunteer", 1).get(0);
        assertThat(ended.path("kind").asString()).isEqualTo("ASSIGNMENT_ENDED");
        assertThat(ended.path("body").asString()).contains("Visit cancelled: school closed");
        assertThat(awaitInbox(scene.coordinator(), "coordinator", 1))
                .as("the volunteer's notice and any coordinator's are written in one transaction")
                .extracting(e -> e.path("kind").asString())
                .doesNotContain("VOLUNTEER_WITHDREW");
    }

    /** A visit scheduled by its own coordinator (told of it already) and a volunteer who reads only the inbox. */
    private record VisitWithVolunteer(String coordinator, VisitSnapshot visit, String subject, UUID volunteer) {

        /** The volunteer's assignment on Saturday morning's item of the visit, in that status. */
        AssignmentSnapshot place(String status) {
            return assignment(volunteer, visit.visitId(), status, SATURDAY_MORNING);
        }
    }

    private VisitWithVolunteer visitWithVolunteer(String name) {
        String coordinator = "coordinator-" + UUID.randomUUID();
        VisitSnapshot visit = scheduledBy(coordinator);
        String subject = name + "-" + UUID.randomUUID();
        UUID volunteer = registeredVolunteer(subject, null, "en", List.of("INBOX"), null, null);
        awaitInbox(coordinator, "coordinator", 1);
        return new VisitWithVolunteer(coordinator, visit, subject, volunteer);
    }
}
