package org.caravan.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.staffing.AssignmentConfirmed;
import org.caravan.contracts.staffing.AssignmentOffered;
import org.caravan.contracts.staffing.AssignmentSnapshot;
import org.caravan.contracts.visit.ProgrammeItemSnapshot;
import org.caravan.contracts.visit.VisitCancelled;
import org.caravan.contracts.visit.VisitRescheduled;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.notification.NotificationServiceIntegrationTest;
import org.caravan.platform.scheduling.Sweeps;
import org.caravan.platform.testing.AcrossTheWeek;
import org.caravan.platform.testing.EventSamples;
import org.caravan.platform.testing.Moments;
import org.caravan.platform.testing.VisitBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import tools.jackson.databind.JsonNode;

@AcrossTheWeek
class ReminderIntegrationTests extends NotificationServiceIntegrationTest {

    @Parameter
    Moments moment;

    @BeforeEach
    void atTheMoment() {
        CLOCK.setTo(moment.instant());
    }

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Test
    void aReminderComesTwoHoursBeforeTheItem() {
        String subject = "qian-" + UUID.randomUUID();
        UUID volunteer = registeredVolunteer(subject, null, "en", List.of("INBOX"), null, null);
        awaitRecipient(volunteer);
        Instant startsAt = now().plus(Duration.ofHours(2)).plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);

        publishAssignment(
                EventCatalog.ASSIGNMENT_CONFIRMED,
                new AssignmentConfirmed(assignment(volunteer, UUID.randomUUID(), "CONFIRMED", startsAt), now()));

        List<JsonNode> inbox = awaitInbox(subject, "volunteer", 2);
        assertThat(inbox)
                .extracting(e -> e.path("kind").asString())
                .containsExactlyInAnyOrder("ASSIGNMENT_CONFIRMED", "REMINDER");
        assertThat(inbox)
                .filteredOn(e -> e.path("kind").asString().equals("REMINDER"))
                .singleElement()
                .satisfies(e -> assertThat(e.path("title").asString()).startsWith("Reminder: Recitation"));
    }

    @Test
    void aRescheduledVisitTellsItsVolunteersAndMovesTheirRemindersAndACancelledOneDropsThem() {
        String subject = "zhou-" + UUID.randomUUID();
        LocalDateTime start = LocalDateTime.now(CLOCK.withZone(BEIJING))
                .plusDays(3)
                .withHour(10)
                .truncatedTo(ChronoUnit.HOURS);
        VisitSnapshot visit = chorusAt(start);
        AssignmentSnapshot confirmed = singerRemindedOf(visit, subject);
        assertThat(reminders(confirmed.assignmentId()))
                .contains(
                        start.minusHours(2).atZone(BEIJING).toInstant(),
                        start.minusHours(24).atZone(BEIJING).toInstant());

        LocalDateTime later = start.plusHours(2);
        VisitSnapshot moved = movedTo(visit, later);
        publish(
                EventCatalog.VISIT_RESCHEDULED,
                new VisitRescheduled(moved, start, start.plusHours(1), "Exams", "coordinator-li", now()),
                "event-service");
        await().atMost(Duration.ofSeconds(30)).until(() -> reminders(confirmed.assignmentId())
                .contains(later.minusHours(2).atZone(BEIJING).toInstant()));
        JsonNode planned = body(get(token(subject, "volunteer"), "/api/reminders")
                .expectStatus()
                .isOk());
        assertThat(planned.valueStream().map(r -> Instant.parse(r.path("dueAt").asString())))
                .containsExactly(
                        later.minusHours(24).atZone(BEIJING).toInstant(),
                        later.minusHours(2).atZone(BEIJING).toInstant());
        assertThat(planned.valueStream()
                        .map(r -> r.path("item").asString() + " "
                                + r.path("startsAt").asString()))
                .containsOnly("Chorus " + later.atZone(BEIJING).toInstant());
        assertThat(body(get(token("someone-else", "volunteer"), "/api/reminders")
                                .expectStatus()
                                .isOk())
                        .isEmpty())
                .isTrue();
        JsonNode told = awaitInbox(subject, "volunteer", 2).stream()
                .filter(e -> e.path("kind").asString().equals("PLACE_MOVED"))
                .findFirst()
                .orElseThrow();
        assertThat(told.path("title").asString()).isEqualTo("Your visit moved: Chorus");
        assertThat(told.path("body").asString()).contains("Reason: Exams", "(was ");

        publish(
                EventCatalog.VISIT_CANCELLED,
                new VisitCancelled(
                        VisitBuilder.from(moved)
                                .status("CANCELLED")
                                .nextVersion()
                                .build(),
                        "Typhoon",
                        "coordinator-li",
                        now()),
                "event-service");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> reminders(confirmed.assignmentId()).isEmpty());
    }

    @Test
    void aVisitMovedToAnHourAlreadyPastDropsItsRemindersInsteadOfSendingThemLate() {
        String subject = "zheng-" + UUID.randomUUID();
        LocalDateTime start = LocalDateTime.now(CLOCK.withZone(BEIJING))
                .plusDays(3)
                .withHour(10)
                .truncatedTo(ChronoUnit.HOURS);
        VisitSnapshot visit = chorusAt(start);
        AssignmentSnapshot confirmed = singerRemindedOf(visit, subject);

        LocalDateTime thisMorning =
                LocalDateTime.now(CLOCK.withZone(BEIJING)).minusHours(3).truncatedTo(ChronoUnit.MINUTES);
        publish(
                EventCatalog.VISIT_RESCHEDULED,
                new VisitRescheduled(
                        movedTo(visit, thisMorning),
                        start,
                        start.plusHours(1),
                        "Recorded afterwards",
                        "coordinator-li",
                        now()),
                "event-service");

        List<JsonNode> inbox = awaitInbox(subject, "volunteer", 2);
        assertThat(inbox)
                .extracting(e -> e.path("kind").asString())
                .containsExactlyInAnyOrder("ASSIGNMENT_CONFIRMED", "PLACE_MOVED");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> reminders(confirmed.assignmentId()).isEmpty());
        // A pass that took a reminder before the move may still be queueing it: wait for one that ran wholly after.
        long passes = Sweeps.finishedPasses("Reminders");
        await().atMost(Duration.ofSeconds(10)).until(() -> Sweeps.finishedPasses("Reminders") >= passes + 2);
        assertThat(inboxOf(subject, "volunteer")).hasSize(2);
    }

    @Test
    void anUnansweredOfferIsRecalledBeforeItExpiresAndAnAnsweredOneIsNot() {
        String subject = "wu-" + UUID.randomUUID();
        UUID volunteer = registeredVolunteer(subject, null, "en", List.of("INBOX"), null, null);
        awaitRecipient(volunteer);
        Instant inTwelveHours = now().plus(Duration.ofHours(12)).plusSeconds(3);
        AssignmentSnapshot unanswered = withExpiry(
                assignment(volunteer, UUID.randomUUID(), "OFFERED", inTwelveHours.plus(Duration.ofDays(2))),
                inTwelveHours);
        AssignmentSnapshot answered = withExpiry(
                assignment(volunteer, UUID.randomUUID(), "OFFERED", inTwelveHours.plus(Duration.ofDays(2))),
                inTwelveHours.plusSeconds(600));

        publishAssignment(EventCatalog.ASSIGNMENT_OFFERED, new AssignmentOffered(unanswered, now()));
        publishAssignment(EventCatalog.ASSIGNMENT_OFFERED, new AssignmentOffered(answered, now()));
        publishAssignment(EventCatalog.ASSIGNMENT_CONFIRMED, new AssignmentConfirmed(answered, now()));

        List<JsonNode> inbox = awaitInbox(subject, "volunteer", 4);
        assertThat(inbox)
                .filteredOn(e -> e.path("kind").asString().equals("OFFER_EXPIRING"))
                .singleElement()
                .satisfies(e -> assertThat(e.path("subjectId").asString())
                        .isEqualTo(unanswered.assignmentId().toString()));
        assertThat(database.sql("select status from reminder where assignment_id = :id and kind = 'OFFER_EXPIRING'")
                        .bind("id", answered.assignmentId())
                        .map(row -> row.get("status", String.class))
                        .one()
                        .block())
                .isEqualTo("DROPPED");
    }

    private static AssignmentSnapshot withExpiry(AssignmentSnapshot a, Instant expiresAt) {
        return new AssignmentSnapshot(
                a.assignmentId(),
                a.visitId(),
                a.itemId(),
                a.itemTitle(),
                a.itemStartsAt(),
                a.itemEndsAt(),
                a.siteName(),
                a.timeZone(),
                a.role(),
                a.volunteerId(),
                a.teamId(),
                a.status(),
                expiresAt);
    }

    /** Planned reminders' due times. */
    private List<Instant> reminders(UUID assignmentId) {
        return database.sql("select due_at from reminder where assignment_id = :id and status = 'PLANNED'")
                .bind("id", assignmentId)
                .map(row -> row.get("due_at", OffsetDateTime.class).toInstant())
                .all()
                .collectList()
                .block();
    }

    /** A new volunteer confirmed as a singer on the one-item visit, once both reminders are planned. */
    private AssignmentSnapshot singerRemindedOf(VisitSnapshot visit, String subject) {
        UUID volunteer = registeredVolunteer(subject, null, "en", List.of("INBOX"), null, null);
        awaitRecipient(volunteer);
        AssignmentSnapshot confirmed = singerOn(visit, volunteer);
        publishAssignment(EventCatalog.ASSIGNMENT_CONFIRMED, new AssignmentConfirmed(confirmed, now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> reminders(confirmed.assignmentId()).size() == 2);
        return confirmed;
    }

    /** A confirmed singer's place on the one-item visit. */
    private static AssignmentSnapshot singerOn(VisitSnapshot visit, UUID volunteer) {
        ProgrammeItemSnapshot chorus = visit.programme().get(0);
        return new AssignmentSnapshot(
                UUID.randomUUID(),
                visit.visitId(),
                chorus.itemId(),
                "Chorus",
                chorus.startsAt().atZone(BEIJING).toInstant(),
                chorus.startsAt().plusMinutes(10).atZone(BEIJING).toInstant(),
                "蒲公英中学 Dandelion School",
                "Asia/Shanghai",
                "singer",
                volunteer,
                null,
                "CONFIRMED",
                now());
    }

    /** A new visit from the sample with only its chorus, at {@code start}. */
    private static VisitSnapshot chorusAt(LocalDateTime start) {
        ProgrammeItemSnapshot chorus = EventSamples.event(EventCatalog.VISIT_SCHEDULED)
                .visit()
                .programme()
                .get(1);
        return VisitBuilder.newFromSample()
                .between(start, start.plusHours(1))
                .version(1)
                .programme(List.of(new ProgrammeItemSnapshot(
                        UUID.randomUUID(), 1, chorus.title(), chorus.kind(), start, 10, chorus.needs(), 0)))
                .build();
    }

    /** The one-item visit moved to {@code start}, its item with it. */
    private static VisitSnapshot movedTo(VisitSnapshot visit, LocalDateTime start) {
        ProgrammeItemSnapshot item = visit.programme().get(0);
        return VisitBuilder.from(visit)
                .between(start, start.plusHours(1))
                .nextVersion()
                .programme(List.of(new ProgrammeItemSnapshot(
                        item.itemId(), 1, item.title(), item.kind(), start, 10, item.needs(), 0)))
                .build();
    }
}
