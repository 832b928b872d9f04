package org.caravan.volunteer.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.Topic;
import org.caravan.contracts.staffing.NoShowRecorded;
import org.caravan.contracts.staffing.ServiceHoursCertified;
import org.caravan.contracts.staffing.ServiceHoursCorrected;
import org.caravan.contracts.staffing.VolunteerCheckedOut;
import org.caravan.contracts.visit.SiteSnapshot;
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
import tools.jackson.databind.JsonNode;

@AcrossTheWeek
class AttendanceAndServiceHoursIntegrationTests extends VolunteerServiceIntegrationTest {

    @Parameter
    Moments moment;

    @BeforeEach
    void atTheMoment() {
        CLOCK.setTo(moment.instant());
    }

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final LocalDateTime CARE_DAY = LocalDateTime.of(2026, 9, 12, 9, 0);
    private static final SiteSnapshot COURIER_STATION = site("美团 Meituan riders' station", 39.8, 116.34);

    @Autowired
    DatabaseClient database;

    @Test
    void hoursOnSiteAreComputedToTheQuarterAndAddUpAfterCorrectionsAndCertification() {
        Served served = served("doctor-" + UUID.randomUUID());
        Instant arrived = CARE_DAY.atZone(BEIJING).toInstant().minus(Duration.ofMinutes(10));

        try (TopicProbe topic = TopicProbe.watch(Topic.ASSIGNMENTS.name())) {
            coordinatorRecords(served.assignment(), "check-in", arrived)
                    .expectStatus()
                    .isOk();
            coordinatorRecords(served.assignment(), "check-out", arrived.plus(Duration.ofMinutes(155)))
                    .expectStatus()
                    .isOk();
            VolunteerCheckedOut out = awaitEvent(topic, served.assignment(), EventCatalog.VOLUNTEER_CHECKED_OUT);
            assertThat(out.hours()).isEqualByComparingTo("2.50");
            assertThat(year(statement(served, coordinator()))).isEqualTo("2.50 0.00 2.50");

            assertThat(year(certify(served).expectStatus().isOk())).isEqualTo("2.50 2.50 0.00");
            certify(served).expectStatus().isEqualTo(409);
            JsonNode corrected = body(correct(served, "0.5", "Stayed to pack up the tables")
                    .expectStatus()
                    .isOk());
            assertThat(year(corrected)).isEqualTo("3.00 2.50 0.50");
            ServiceHoursCorrected correction =
                    awaitEvent(topic, served.assignment(), EventCatalog.SERVICE_HOURS_CORRECTED);
            assertThat(correction.totalHours()).isEqualByComparingTo("3.00");
            assertThat(correction.reason()).isEqualTo("Stayed to pack up the tables");

            JsonNode certified = body(certify(served).expectStatus().isOk());
            assertThat(year(certified)).isEqualTo("3.00 3.00 0.00");
            assertThat(certified.path("entries").valueStream().map(e -> e.path("kind")
                            .asString()))
                    .containsExactly("COMPUTED", "CERTIFIED", "CORRECTION", "CERTIFIED");
            ServiceHoursCertified last = awaitEvent(topic, served.assignment(), EventCatalog.SERVICE_HOURS_CERTIFIED);
            assertThat(last.certifiedBy()).isEqualTo("coordinator-li");
        }
    }

    @Test
    void aCorrectionThatWouldMakeHoursNegativeIsRefusedAndNothingIsRecorded() {
        Served served = served("doctor-" + UUID.randomUUID());
        Instant start = CARE_DAY.atZone(BEIJING).toInstant();
        coordinatorRecords(served.assignment(), "check-in", start)
                .expectStatus()
                .isOk();
        coordinatorRecords(served.assignment(), "check-out", start.plus(Duration.ofHours(1)))
                .expectStatus()
                .isOk();

        correct(served, "-1.25", "Typo").expectStatus().isBadRequest();
        correct(served, "0", "Nothing").expectStatus().isBadRequest();
        correct(served, "0.25", " ").expectStatus().isBadRequest();

        assertThat(statement(served, coordinator()).path("entries")).hasSize(1);
    }

    @Test
    void theLedgerRefusesEditsEvenFromInsideTheDatabase() {
        Served served = served("doctor-" + UUID.randomUUID());
        Instant start = CARE_DAY.atZone(BEIJING).toInstant();
        coordinatorRecords(served.assignment(), "check-in", start)
                .expectStatus()
                .isOk();
        coordinatorRecords(served.assignment(), "check-out", start.plus(Duration.ofHours(2)))
                .expectStatus()
                .isOk();

        assertThatThrownBy(() -> database.sql("update service_hours_entry set hours = 8 where assignment_id = :id")
                        .bind("id", UUID.fromString(served.assignment()))
                        .then()
                        .block(Duration.ofSeconds(10)))
                .hasMessageContaining("never edited");
        assertThat(year(statement(served, coordinator()))).isEqualTo("2.00 0.00 2.00");
    }

    @Test
    void aVolunteerChecksInThemselvesOnlyWhileTheirItemIsOn() {
        String subject = "barber-" + UUID.randomUUID();
        LocalDateTime soon =
                LocalDateTime.now(CLOCK.withZone(BEIJING)).plusMinutes(30).truncatedTo(ChronoUnit.MINUTES);
        Served now = served(subject, scheduledVisitAt(COURIER_STATION, soon, 120, "barber", 3), "barber");
        Served later = served(subject, scheduledVisitAt(COURIER_STATION, soon.plusDays(3), 120, "barber", 3), "barber");

        assertThat(body(post(volunteerToken(subject), "/api/assignments/{id}/check-in", null, now.assignment())
                                .expectStatus()
                                .isOk())
                        .path("status")
                        .asString())
                .isEqualTo("CHECKED_IN");
        post(volunteerToken(subject), "/api/assignments/{id}/check-in", null, later.assignment())
                .expectStatus()
                .isEqualTo(409);
        post(
                        volunteerToken(subject),
                        "/api/assignments/{id}/check-out",
                        Map.of("at", now().toString()),
                        now.assignment())
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void aNoShowIsRecordedOnlyAfterTheItemEnds() {
        Served past = served("doctor-" + UUID.randomUUID());
        String subject = "barber-" + UUID.randomUUID();
        LocalDateTime tomorrow =
                LocalDateTime.now(CLOCK.withZone(BEIJING)).plusDays(1).truncatedTo(ChronoUnit.MINUTES);
        Served upcoming = served(subject, scheduledVisitAt(COURIER_STATION, tomorrow, 60, "barber", 1), "barber");

        post(coordinator(), "/api/assignments/{id}/no-show", null, upcoming.assignment())
                .expectStatus()
                .isEqualTo(409);
        try (TopicProbe topic = TopicProbe.watch(Topic.ASSIGNMENTS.name())) {
            assertThat(body(post(coordinator(), "/api/assignments/{id}/no-show", null, past.assignment())
                                    .expectStatus()
                                    .isOk())
                            .path("status")
                            .asString())
                    .isEqualTo("NO_SHOW");
            NoShowRecorded noShow = awaitEvent(topic, past.assignment(), EventCatalog.NO_SHOW_RECORDED);
            assertThat(noShow.recordedBy()).isEqualTo("coordinator-li");
        }
    }

    @Test
    void volunteersReadOnlyTheirOwnHoursAndCannotRecordOthersAttendance() {
        Served mine = served("doctor-" + UUID.randomUUID());
        String other = "doctor-" + UUID.randomUUID();
        registerVolunteer(other, "MEDICINE");

        statement(mine, volunteerToken(mine.subject()));
        http.get()
                .uri("/api/volunteers/{id}/service-hours", mine.volunteerId())
                .headers(h -> h.setBearerAuth(volunteerToken(other)))
                .exchange()
                .expectStatus()
                .isNotFound();
        post(volunteerToken(other), "/api/assignments/{id}/check-in", null, mine.assignment())
                .expectStatus()
                .isNotFound();
        post(volunteerToken(mine.subject()), "/api/assignments/{id}/hours/certify", null, mine.assignment())
                .expectStatus()
                .isForbidden();
    }

    record Served(String subject, String volunteerId, String assignment) {}

    /** A doctor confirmed for the (past) care day's consultations. */
    private Served served(String subject) {
        return served(subject, scheduledVisitAt(COURIER_STATION, CARE_DAY, 180, "doctor", 4), "doctor");
    }

    private Served served(String subject, VisitSnapshot visit, String role) {
        String volunteer = registeredOnce(subject, role);
        String offered = body(offer(onlyItem(visit), role, volunteer)
                        .expectStatus()
                        .isCreated())
                .path("id")
                .asString();
        answer(offered, "accept", subject).expectStatus().isOk();
        return new Served(subject, volunteer, offered);
    }

    private String registeredOnce(String subject, String skill) {
        JsonNode me = body(http.get()
                .uri("/api/volunteers/me")
                .headers(h -> h.setBearerAuth(volunteerToken(subject)))
                .exchange());
        return me.has("id")
                ? me.path("id").asString()
                : registerVolunteer(subject, skill.toUpperCase(java.util.Locale.ROOT));
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec coordinatorRecords(
            String assignment, String what, Instant at) {
        return post(coordinator(), "/api/assignments/{id}/" + what, Map.of("at", at.toString()), assignment);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec certify(Served served) {
        return post(coordinator(), "/api/assignments/{id}/hours/certify", null, served.assignment());
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec correct(
            Served served, String hours, String reason) {
        return post(
                coordinator(),
                "/api/assignments/{id}/hours/corrections",
                Map.of("hours", new java.math.BigDecimal(hours), "reason", reason),
                served.assignment());
    }

    private JsonNode statement(Served served, String token) {
        return body(http.get()
                .uri("/api/volunteers/{id}/service-hours", served.volunteerId())
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk());
    }

    /** "total certified pending" of the care day's year, as the statement gives them. */
    private static String year(JsonNode statement) {
        JsonNode year = statement.path("years").get(0);
        return year.path("totalHours").decimalValue().setScale(2) + " "
                + year.path("certifiedHours").decimalValue().setScale(2) + " "
                + year.path("pendingHours").decimalValue().setScale(2);
    }

    private static String year(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
        return year(body(response));
    }
}
