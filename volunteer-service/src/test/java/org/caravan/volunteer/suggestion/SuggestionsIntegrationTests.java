package org.caravan.volunteer.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.volunteer.VolunteerServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SuggestionsIntegrationTests extends VolunteerServiceIntegrationTest {

    /** A Saturday. */
    private static final LocalDateTime HOLIDAY_EVENT = LocalDateTime.of(2026, 10, 10, 14, 0);

    @Test
    void candidatesAreRankedBySkillAvailabilityClashesRecentHoursAndDistrictWithTheirReasons() {
        String skill = "TCM" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String role = skill.toLowerCase(Locale.ROOT);
        Person free = volunteer("free", skill, saturdayAfternoons());
        Person silent = volunteer("silent", skill, null);
        Person away = volunteer(
                "away", skill, Map.of("exceptions", List.of(Map.of("date", "2026-10-10", "available", false))));
        Person busy = volunteer("busy", skill, saturdayAfternoons());
        VisitSnapshot elsewhere = scheduledVisitAt(site("Far away", 40.2, 116.9), HOLIDAY_EVENT, 60, role, 1);
        String busyOffer = body(offer(onlyItem(elsewhere), role, busy.id())
                        .expectStatus()
                        .isCreated())
                .path("id")
                .asString();
        answer(busyOffer, "accept", busy.subject()).expectStatus().isOk();
        VisitSnapshot event =
                scheduledVisitAt(site("饿了么 Ele.me riders' station", 39.9, 116.4), HOLIDAY_EVENT, 120, role, 2);

        List<JsonNode> ranked = body(http.get()
                        .uri("/api/programme-items/{id}/suggestions?role={role}", onlyItem(event), role)
                        .headers(h -> h.setBearerAuth(coordinator()))
                        .exchange()
                        .expectStatus()
                        .isOk())
                .valueStream()
                .toList();

        assertThat(ranked)
                .extracting(s -> s.path("volunteerId").asString())
                .containsExactly(free.id(), busy.id(), silent.id(), away.id());
        JsonNode best = ranked.get(0);
        assertThat(best.path("availability").asString()).isEqualTo("AVAILABLE");
        assertThat(best.path("sameDistrict").asBoolean()).isTrue();
        assertThat(best.path("reasons").valueStream().map(JsonNode::asString))
                .contains("has " + skill, "said they are available then", "no clash with their other places");
        assertThat(ranked.get(1).path("conflict").asString()).contains("Far away");
        assertThat(ranked.get(2).path("sameDistrict").asBoolean()).isTrue();
        assertThat(ranked.get(3).path("reasons").valueStream().map(JsonNode::asString))
                .contains("said they are not available then");
    }

    @Test
    void aVolunteerCannotAskForSuggestions() {
        http.get()
                .uri("/api/programme-items/{id}/suggestions?role=singer", UUID.randomUUID())
                .headers(h -> h.setBearerAuth(volunteerToken("volunteer-wang")))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private static Map<String, Object> saturdayAfternoons() {
        return Map.of("weekly", List.of(Map.of("day", "SATURDAY", "from", "13:00", "to", "18:00")));
    }

    record Person(String id, String subject) {}

    /** A volunteer of the test sites' district with the skill and, if given, their availability. */
    private Person volunteer(String prefix, String skill, Map<String, Object> availability) {
        String subject = prefix + "-" + UUID.randomUUID();
        Map<String, Object> registration = new HashMap<>(
                Map.of("name", prefix, "subject", subject, "skills", List.of(skill), "district", "东城区 Dongcheng"));
        if (availability != null) {
            registration.put("availability", availability);
        }
        return new Person(
                body(post(coordinator(), "/api/volunteers", registration)
                                .expectStatus()
                                .isCreated())
                        .path("id")
                        .asString(),
                subject);
    }
}
