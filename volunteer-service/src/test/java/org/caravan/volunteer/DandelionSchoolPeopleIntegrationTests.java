package org.caravan.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.caravan.infrastructure.DemoPeople;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The demo's people load through the public API, twice without duplicates, and can be staffed. */
class DandelionSchoolPeopleIntegrationTests extends VolunteerServiceIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void theSpeakersAndTheTeamsWithTheirMembersAreRegisteredOnceEvenWhenSeededTwice() {
        DemoPeople people = new DemoPeople("http://127.0.0.1:" + port, coordinator());

        Map<String, String> first = people.load();
        Map<String, String> second = people.load();

        assertThat(second).isEqualTo(first);
        assertThat(first).containsKeys("volunteer-qiao-yuanhui", "volunteer-xu-jiancheng", "volunteer-yang-hui");
        List<JsonNode> speakers = body(http.get()
                        .uri("/api/volunteers?skill=talk")
                        .headers(h -> h.setBearerAuth(coordinator()))
                        .exchange()
                        .expectStatus()
                        .isOk())
                .valueStream()
                .toList();
        assertThat(speakers)
                .extracting(s -> s.path("name").asString())
                .contains("乔元辉 Qiao Yuanhui", "徐建成 Xu Jiancheng", "杨辉 Yang Hui");
        JsonNode xiaomiLead = body(http.get()
                .uri("/api/volunteers/{id}", first.get("volunteer-xiaomi-lead"))
                .headers(h -> h.setBearerAuth(coordinator()))
                .exchange()
                .expectStatus()
                .isOk());
        assertThat(xiaomiLead.path("contactPreferences").path("channels").get(0).asString())
                .isEqualTo("EMAIL");
        List<JsonNode> teams = body(http.get()
                        .uri("/api/teams")
                        .headers(h -> h.setBearerAuth(coordinator()))
                        .exchange()
                        .expectStatus()
                        .isOk())
                .valueStream()
                .filter(team -> team.path("leadVolunteerId").asString().equals(first.get("volunteer-xiaomi-lead")))
                .toList();
        assertThat(teams).singleElement().satisfies(team -> {
            assertThat(team.path("name").asString()).startsWith("小米青年志愿服务队");
            assertThat(team.path("memberIds")).hasSize(6);
        });
    }
}
