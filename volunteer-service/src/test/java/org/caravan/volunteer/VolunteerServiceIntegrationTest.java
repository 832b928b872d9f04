package org.caravan.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.EventType;
import org.caravan.contracts.visit.GeoLocation;
import org.caravan.contracts.visit.ProgrammeItemSnapshot;
import org.caravan.contracts.visit.SiteSnapshot;
import org.caravan.contracts.visit.StaffingNeed;
import org.caravan.contracts.visit.VisitEvent;
import org.caravan.contracts.visit.VisitRescheduled;
import org.caravan.contracts.visit.VisitScheduled;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.platform.testing.EventSamples;
import org.caravan.platform.testing.ServiceIntegrationTest;
import org.caravan.platform.testing.VisitBuilder;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** volunteer-service under test, fed visits the way event-service publishes them. */
public abstract class VolunteerServiceIntegrationTest extends ServiceIntegrationTest {

    @DynamicPropertySource
    static void sweepOften(DynamicPropertyRegistry registry) {
        registry.add("caravan.staffing.offer-sweep-interval", () -> "500ms");
        registry.add("caravan.staffing.gap-check-interval", () -> "500ms");
    }

    protected static String volunteerToken(String subject) {
        return token(subject, "volunteer");
    }

    /** The checked-in VisitScheduled sample, as a new visit with new items, at the given version. */
    protected static VisitSnapshot newVisit(long version) {
        List<ProgrammeItemSnapshot> items =
                EventSamples.event(EventCatalog.VISIT_SCHEDULED).visit().programme().stream()
                        .map(item -> new ProgrammeItemSnapshot(
                                UUID.randomUUID(),
                                item.position(),
                                item.title(),
                                item.kind(),
                                item.startsAt(),
                                item.durationMinutes(),
                                item.needs(),
                                item.teamSlots()))
                        .toList();
        return VisitBuilder.newFromSample().version(version).programme(items).build();
    }

    /** Another place in Beijing; {@code lat}/{@code lon} may be null when the site's location is unknown. */
    protected static SiteSnapshot site(String name, Double lat, Double lon) {
        return new SiteSnapshot(
                UUID.randomUUID(),
                name,
                "COMMUNITY",
                "东城区 Dongcheng",
                name,
                "Asia/Shanghai",
                lat == null ? null : new GeoLocation(lat, lon));
    }

    /** A published visit of one item at the site, needing {@code headcount} people in {@code role}. */
    protected VisitSnapshot scheduledVisitAt(
            SiteSnapshot site, LocalDateTime startsAt, int minutes, String role, int headcount) {
        ProgrammeItemSnapshot item = new ProgrammeItemSnapshot(
                UUID.randomUUID(),
                1,
                role + " at " + site.name(),
                "SERVICE",
                startsAt,
                minutes,
                List.of(new StaffingNeed(role, List.of(role.toUpperCase(java.util.Locale.ROOT)), headcount)),
                0);
        VisitSnapshot visit = VisitBuilder.newFromSample()
                .site(site)
                .between(startsAt, startsAt.plusMinutes(minutes))
                .status("SCHEDULED")
                .version(1)
                .programme(List.of(item))
                .build();
        publishScheduled(visit);
        awaitStaffing(visit.visitId(), 1);
        return visit;
    }

    /** The one-item visit moved to start at {@code to}, its item with it, as event-service publishes a reschedule. */
    protected static VisitRescheduled rescheduled(VisitSnapshot visit, LocalDateTime to, String reason) {
        ProgrammeItemSnapshot item = visit.programme().get(0);
        ProgrammeItemSnapshot moved = new ProgrammeItemSnapshot(
                item.itemId(), 1, item.title(), item.kind(), to, item.durationMinutes(), item.needs(), 0);
        VisitSnapshot movedVisit = VisitBuilder.from(visit)
                .between(to, to.plusMinutes(item.durationMinutes()))
                .status("SCHEDULED")
                .nextVersion()
                .programme(List.of(moved))
                .build();
        return new VisitRescheduled(movedVisit, visit.startsAt(), visit.endsAt(), reason, "coordinator-li", now());
    }

    protected static UUID onlyItem(VisitSnapshot visit) {
        return visit.programme().get(0).itemId();
    }

    protected static VisitSnapshot withProgramme(VisitSnapshot visit, List<ProgrammeItemSnapshot> items, long version) {
        return VisitBuilder.from(visit).version(version).programme(items).build();
    }

    protected static UUID publishScheduled(VisitSnapshot visit) {
        return publish(EventCatalog.VISIT_SCHEDULED, new VisitScheduled(visit, "coordinator-li", now()));
    }

    /** Sends the event as event-service's relay would; returns its CloudEvents id. */
    protected static UUID publish(EventType<?> type, VisitEvent event) {
        return publish(type, event, "event-service");
    }

    /**
     * A new visit from the sample, published and taken into the read model: two items, one with reciters and
     * one with singers, and a team slot on each.
     */
    protected VisitSnapshot scheduledVisit() {
        VisitSnapshot visit = newVisit(3);
        publishScheduled(visit);
        awaitStaffing(visit.visitId(), 4);
        return visit;
    }

    protected List<JsonNode> staffing(UUID visitId) {
        return http.get()
                .uri("/api/visits/{id}/staffing", visitId)
                .headers(h -> h.setBearerAuth(coordinator()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .valueStream()
                .toList();
    }

    protected List<JsonNode> awaitStaffing(UUID visitId, int lines) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(staffing(visitId)).hasSize(lines));
        return staffing(visitId);
    }

    protected String registerVolunteer(String subject, String... skills) {
        return http.post()
                .uri("/api/volunteers")
                .headers(h -> h.setBearerAuth(coordinator()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "name",
                        "Volunteer " + subject,
                        "subject",
                        subject,
                        "skills",
                        List.of(skills),
                        "languages",
                        List.of("zh-CN"),
                        "locale",
                        "zh-CN"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .path("id")
                .asString();
    }

    protected WebTestClient.ResponseSpec offer(UUID itemId, String role, String volunteerId) {
        return http.post()
                .uri("/api/programme-items/{id}/assignments", itemId)
                .headers(h -> h.setBearerAuth(coordinator()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", role, "volunteerId", volunteerId))
                .exchange();
    }

    /** Registers a volunteer with the skill and offers them the role; returns the assignment id. */
    protected String offerToNewVolunteer(UUID itemId, String role, String subject, String skill) {
        return body(offer(itemId, role, registerVolunteer(subject, skill))
                        .expectStatus()
                        .isCreated())
                .path("id")
                .asString();
    }

    protected WebTestClient.ResponseSpec answer(String assignmentId, String answer, String subject) {
        return http.post()
                .uri("/api/assignments/{id}/" + answer, assignmentId)
                .headers(h -> h.setBearerAuth(volunteerToken(subject)))
                .exchange();
    }

    /** The volunteer's own assignments, as they see them. */
    protected List<JsonNode> assignmentsOf(String subject) {
        return body(http.get()
                        .uri("/api/volunteers/me/assignments")
                        .headers(h -> h.setBearerAuth(volunteerToken(subject)))
                        .exchange()
                        .expectStatus()
                        .isOk())
                .valueStream()
                .toList();
    }

    protected String statusOf(String assignmentId, String subject) {
        return assignmentsOf(subject).stream()
                .filter(a -> a.path("id").asString().equals(assignmentId))
                .findFirst()
                .orElseThrow()
                .path("status")
                .asString();
    }

    protected static List<String> subjects(String prefix, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> prefix + "-" + i + "-" + UUID.randomUUID())
                .toList();
    }
}
