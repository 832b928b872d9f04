package org.caravan.volunteer.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.volunteer.VolunteerServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TeamIntegrationTests extends VolunteerServiceIntegrationTest {

    @Test
    void aCoordinatorFormsATeamWhoseLeadIsAlwaysAMember() {
        String lead = registerVolunteer("xiaomi-lead-" + UUID.randomUUID(), "RECITATION");
        String member = registerVolunteer("xiaomi-" + UUID.randomUUID(), "RECITATION");

        JsonNode team = body(form("小米青年志愿服务队 Xiaomi youth team " + UUID.randomUUID(), lead, member)
                .expectStatus()
                .isCreated());

        assertThat(team.path("leadVolunteerId").asString()).isEqualTo(lead);
        assertThat(team.path("memberIds").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder(lead, member);
        assertThat(team.path("skills").get(0).asString()).isEqualTo("RECITATION");
    }

    @Test
    void aTeamOfUnknownPeopleOrWithATakenNameIsRefused() {
        String lead = registerVolunteer("lead-" + UUID.randomUUID(), "SINGING");
        String name = "北京职工艺术团 Beijing Workers' Art Troupe " + UUID.randomUUID();
        form(name, lead).expectStatus().isCreated();

        JsonNode unknown =
                body(form("Troupe " + UUID.randomUUID(), lead, UUID.randomUUID().toString())
                        .expectStatus()
                        .isBadRequest());
        assertThat(unknown.path("errors").get(0).path("field").asString()).isEqualTo("memberIds");
        JsonNode unknownLead =
                body(form("Troupe " + UUID.randomUUID(), UUID.randomUUID().toString(), lead)
                        .expectStatus()
                        .isBadRequest());
        assertThat(unknownLead.path("errors").get(0).path("field").asString()).isEqualTo("leadVolunteerId");
        form(name, lead).expectStatus().isEqualTo(409);
    }

    @Test
    void membersSeeTheirTeamAndNobodyElseDoes() {
        String leadSubject = "lead-" + UUID.randomUUID();
        String outsider = "outsider-" + UUID.randomUUID();
        String lead = registerVolunteer(leadSubject, "READING");
        registerVolunteer(outsider, "READING");
        String team = body(form("华章同人 Huazhang reading team " + UUID.randomUUID(), lead)
                        .expectStatus()
                        .isCreated())
                .path("id")
                .asString();

        get(team, volunteerToken(leadSubject)).expectStatus().isOk();
        get(team, volunteerToken(outsider)).expectStatus().isNotFound();
    }

    @Test
    void aTeamSlotIsOfferedToATeamAndOnlyItsLeadAnswersForIt() {
        VisitSnapshot visit = scheduledVisit();
        UUID recitation = visit.programme().get(0).itemId();
        String leadSubject = "lead-" + UUID.randomUUID();
        String memberSubject = "member-" + UUID.randomUUID();
        String lead = registerVolunteer(leadSubject, "RECITATION");
        String member = registerVolunteer(memberSubject, "RECITATION");
        String team = body(form("Xiaomi youth team " + UUID.randomUUID(), lead, member)
                        .expectStatus()
                        .isCreated())
                .path("id")
                .asString();

        JsonNode offered =
                body(post(coordinator(), "/api/programme-items/{id}/assignments", Map.of("teamId", team), recitation)
                        .expectStatus()
                        .isCreated());
        assertThat(offered.path("role").asString()).isEqualTo("TEAM");
        assertThat(offered.path("teamId").asString()).isEqualTo(team);
        String assignment = offered.path("id").asString();

        answer(assignment, "accept", memberSubject).expectStatus().isNotFound();
        assertThat(body(answer(assignment, "accept", leadSubject).expectStatus().isOk())
                        .path("status")
                        .asString())
                .isEqualTo("CONFIRMED");
        JsonNode teamLine = staffing(visit.visitId()).get(1);
        assertThat(teamLine.path("role").asString()).isEqualTo("TEAM");
        assertThat(teamLine.path("gaps").asInt()).isZero();
    }

    @Test
    void aSecondTeamForTheOnlyTeamSlotWaits() {
        VisitSnapshot visit = scheduledVisit();
        UUID chorus = visit.programme().get(1).itemId();
        List<String> leads = subjects("troupe-lead", 2);
        List<String> answers = leads.stream()
                .map(subject -> {
                    String team = body(form("Troupe " + UUID.randomUUID(), registerVolunteer(subject, "SINGING"))
                                    .expectStatus()
                                    .isCreated())
                            .path("id")
                            .asString();
                    String offer = body(post(
                                            coordinator(),
                                            "/api/programme-items/{id}/assignments",
                                            Map.of("teamId", team),
                                            chorus)
                                    .expectStatus()
                                    .isCreated())
                            .path("id")
                            .asString();
                    return body(answer(offer, "accept", subject).expectStatus().isOk())
                            .path("status")
                            .asString();
                })
                .toList();

        assertThat(answers).containsExactly("CONFIRMED", "WAITLISTED");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec form(
            String name, String lead, String... members) {
        return post(
                coordinator(),
                "/api/teams",
                Map.of(
                        "name",
                        name,
                        "leadVolunteerId",
                        lead,
                        "memberIds",
                        List.of(members),
                        "skills",
                        List.of("recitation")));
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec get(String team, String token) {
        return http.get()
                .uri("/api/teams/{id}", team)
                .headers(h -> h.setBearerAuth(token))
                .exchange();
    }
}
