package org.caravan.volunteer.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.platform.testing.TestInfrastructure;
import org.caravan.volunteer.VolunteerServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The visit day's list of everyone on a programme item, for coordinators, with names. */
class ItemAssignmentsIntegrationTests extends VolunteerServiceIntegrationTest {

    @Test
    void aCoordinatorSeesEveryoneOnTheItemByNamePlacesFirstThenOffersTheWaitlistAndWhatEnded() {
        VisitSnapshot visit = scheduledVisit();
        UUID recitation = visit.programme().get(0).itemId();
        UUID chorus = visit.programme().get(1).itemId();
        String tag = " " + UUID.randomUUID().toString().substring(0, 8);

        Person qiao = volunteer("乔元辉 Qiao Yuanhui" + tag, "RECITATION");
        Person xu = volunteer("徐建成 Xu Jiancheng" + tag, "RECITATION");
        Person yang = volunteer("杨辉 Yang Hui" + tag, "RECITATION");
        String declined = offered(recitation, Map.of("role", "reciter", "volunteerId", xu.id()));
        String placed = offered(recitation, Map.of("role", "reciter", "volunteerId", qiao.id()));
        String open = offered(recitation, Map.of("role", "reciter", "volunteerId", yang.id()));
        answer(declined, "decline", xu.subject()).expectStatus().isOk();
        answer(placed, "accept", qiao.subject()).expectStatus().isOk();

        Person xiaomiLead = volunteer("李队长 Li" + tag, "RECITATION");
        Person troupeLead = volunteer("赵团长 Zhao" + tag, "RECITATION");
        Person readingLead = volunteer("周老师 Zhou" + tag, "READING");
        String xiaomi = team("小米青年志愿服务队 Xiaomi youth team" + tag, xiaomiLead);
        String troupe = team("北京职工艺术团 Beijing Workers' Art Troupe" + tag, troupeLead);
        String reading = team("华章同人 Huazhang reading team" + tag, readingLead);
        String teamPlaced = offered(recitation, Map.of("teamId", xiaomi));
        String teamWaiting = offered(recitation, Map.of("teamId", troupe));
        String teamOffered = offered(recitation, Map.of("teamId", reading));
        answer(teamPlaced, "accept", xiaomiLead.subject()).expectStatus().isOk();
        answer(teamWaiting, "accept", troupeLead.subject()).expectStatus().isOk();

        String singer = offered(
                chorus,
                Map.of(
                        "role",
                        "singer",
                        "volunteerId",
                        volunteer("Singer" + tag, "SINGING").id()));

        List<JsonNode> listed = listed(recitation);

        assertThat(listed)
                .extracting(a -> a.path("id").asString())
                .containsExactly(placed, teamPlaced, open, teamOffered, teamWaiting, declined)
                .doesNotContain(singer);
        assertThat(listed)
                .extracting(a -> a.path("status").asString())
                .containsExactly("CONFIRMED", "CONFIRMED", "OFFERED", "OFFERED", "WAITLISTED", "DECLINED");
        assertThat(listed)
                .extracting(a -> a.path("name").asString())
                .containsExactly(
                        "乔元辉 Qiao Yuanhui" + tag,
                        "小米青年志愿服务队 Xiaomi youth team" + tag,
                        "杨辉 Yang Hui" + tag,
                        "华章同人 Huazhang reading team" + tag,
                        "北京职工艺术团 Beijing Workers' Art Troupe" + tag,
                        "徐建成 Xu Jiancheng" + tag);
        assertThat(listed)
                .extracting(a -> a.path("role").asString())
                .containsExactly("reciter", "TEAM", "reciter", "TEAM", "TEAM", "reciter");
        JsonNode team = listed.get(1);
        assertThat(team.path("teamId").asString()).isEqualTo(xiaomi);
        assertThat(team.path("volunteerId").asString()).isEqualTo(xiaomiLead.id());
        assertThat(team.path("leadName").asString()).isEqualTo("李队长 Li" + tag);
        assertThat(listed.get(0).path("leadName").isNull()).isTrue();
        assertThat(listed.get(4).path("waitlistOrder").isNumber()).isTrue();

        assertThat(listed(chorus)).extracting(a -> a.path("id").asString()).containsExactly(singer);
    }

    @Test
    void anItemWithNobodyOnItIsAnEmptyListAndAnUnknownItemIsNotFound() {
        VisitSnapshot visit = scheduledVisit();

        assertThat(listed(visit.programme().get(1).itemId())).isEmpty();
        list(coordinator(), UUID.randomUUID())
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aVolunteerIsRefusedAndATokenWithoutARoleIsNotAccepted() {
        VisitSnapshot visit = scheduledVisit();
        UUID recitation = visit.programme().get(0).itemId();
        Person qiao = volunteer("乔元辉 Qiao Yuanhui", "RECITATION");
        offered(recitation, Map.of("role", "reciter", "volunteerId", qiao.id()));

        list(volunteerToken(qiao.subject()), recitation)
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(403);
        list(TestInfrastructure.tokens().mint(qiao.subject(), List.of(), Duration.ofMinutes(10)), recitation)
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private record Person(String id, String subject) {}

    private Person volunteer(String name, String skill) {
        String subject = "volunteer-" + UUID.randomUUID();
        String id = body(post(
                                coordinator(),
                                "/api/volunteers",
                                Map.of(
                                        "name",
                                        name,
                                        "subject",
                                        subject,
                                        "skills",
                                        List.of(skill),
                                        "languages",
                                        List.of("zh-CN"),
                                        "locale",
                                        "zh-CN"))
                        .expectStatus()
                        .isCreated())
                .path("id")
                .asString();
        return new Person(id, subject);
    }

    private String team(String name, Person lead) {
        return body(post(
                                coordinator(),
                                "/api/teams",
                                Map.of(
                                        "name",
                                        name,
                                        "leadVolunteerId",
                                        lead.id(),
                                        "memberIds",
                                        List.of(),
                                        "skills",
                                        List.of("recitation")))
                        .expectStatus()
                        .isCreated())
                .path("id")
                .asString();
    }

    private String offered(UUID itemId, Map<String, String> offer) {
        return body(post(coordinator(), "/api/programme-items/{id}/assignments", offer, itemId)
                        .expectStatus()
                        .isCreated())
                .path("id")
                .asString();
    }

    private WebTestClient.ResponseSpec list(String token, UUID itemId) {
        return get(token, "/api/programme-items/{id}/assignments", itemId);
    }

    private List<JsonNode> listed(UUID itemId) {
        return body(list(coordinator(), itemId).expectStatus().isOk())
                .valueStream()
                .toList();
    }
}
