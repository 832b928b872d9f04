package org.caravan.volunteer.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.Topic;
import org.caravan.contracts.staffing.StaffingGapsFound;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.platform.testing.AcrossTheWeek;
import org.caravan.platform.testing.Moments;
import org.caravan.platform.testing.TopicProbe;
import org.caravan.volunteer.VolunteerServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The check runs every half second in these tests. Visits are staffed a week ahead, then moved to tomorrow,
 * which brings them within the 48 hours and has them checked (once) as they are.
 */
@AcrossTheWeek
class StaffingCheckIntegrationTests extends VolunteerServiceIntegrationTest {

    @Parameter
    Moments moment;

    @BeforeEach
    void atTheMoment() {
        CLOCK.setTo(moment.instant());
    }

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static LocalDateTime nextWeek() {
        return LocalDateTime.now(CLOCK.withZone(BEIJING)).plusDays(7).truncatedTo(ChronoUnit.MINUTES);
    }

    @Autowired
    DatabaseClient database;

    @Test
    void aVisitMovedWithinTwoDaysWithRolesStillShortIsReportedOnce() {
        VisitSnapshot visit = scheduledVisitAt(site("Short-handed yard", 39.9, 116.4), nextWeek(), 60, "porter", 3);
        confirmOne(visit, "porter");

        try (TopicProbe topic = TopicProbe.watch(Topic.STAFFING.name())) {
            moveToTomorrow(visit);

            StaffingGapsFound found = awaitEvent(topic, visit.visitId().toString(), EventCatalog.STAFFING_GAPS_FOUND);
            assertThat(found.gaps()).singleElement().satisfies(gap -> {
                assertThat(gap.role()).isEqualTo("porter");
                assertThat(gap.needed()).isEqualTo(3);
                assertThat(gap.confirmed()).isEqualTo(1);
            });
            assertThat(topic.collectFor(Duration.ofSeconds(2)))
                    .filteredOn(r -> visit.visitId().toString().equals(r.key()))
                    .hasSize(1);
        }
    }

    @Test
    void aFullyStaffedVisitIsCheckedAndNotReported() {
        VisitSnapshot visit = scheduledVisitAt(
                site("Well-staffed yard", 39.9, 116.4), nextWeek().plusHours(1), 60, "driver", 1);
        confirmOne(visit, "driver");

        try (TopicProbe topic = TopicProbe.watch(Topic.STAFFING.name())) {
            moveToTomorrow(visit);

            await().atMost(Duration.ofSeconds(20)).until(() -> checked(visit));
            assertThat(topic.collectFor(Duration.ofSeconds(2)))
                    .noneMatch(r -> visit.visitId().toString().equals(r.key()));
        }
    }

    private void confirmOne(VisitSnapshot visit, String role) {
        String subject = role + "-" + UUID.randomUUID();
        String offer = offerToNewVolunteer(onlyItem(visit), role, subject, role.toUpperCase(java.util.Locale.ROOT));
        answer(offer, "accept", subject).expectStatus().isOk();
    }

    private void moveToTomorrow(VisitSnapshot visit) {
        publish(
                EventCatalog.VISIT_RESCHEDULED,
                rescheduled(visit, visit.startsAt().minusDays(6), "Earlier"));
    }

    private boolean checked(VisitSnapshot visit) {
        return Boolean.TRUE.equals(
                database.sql("select gaps_checked_at is not null as checked from visit_plan where visit_id = :id")
                        .bind("id", visit.visitId())
                        .map(row -> row.get("checked", Boolean.class))
                        .one()
                        .block());
    }
}
