package org.caravan.event.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.caravan.event.EventServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class SiteIntegrationTests extends EventServiceIntegrationTest {

    @Test
    void coordinatorRegistersASiteWithLocationContactAndTimeZone() {
        String id = createSite();

        JsonNode site = get("/api/sites/" + id);
        assertThat(site.path("kind").asString()).isEqualTo("SCHOOL");
        assertThat(site.path("timeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(site.path("location").path("lat").asDouble()).isEqualTo(39.787);
        assertThat(site.path("contact").path("email").asString()).isEqualTo("office@dandelion.example");
    }

    @Test
    void aSiteWithoutTimeZoneIsInBeijingTime() {
        var site = fixture("site");
        site.remove("timeZone");
        JsonNode created = body(
                send(HttpMethod.POST, "/api/sites", site, null).expectStatus().isCreated());
        assertThat(created.path("timeZone").asString()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void aSiteIsUpdatedWithIfMatchAndAStaleOneIs412() {
        String id = createSite();
        JsonNode site = get("/api/sites/" + id);
        String etag = "\"" + site.path("version").asLong() + "\"";

        JsonNode updated =
                body(send(HttpMethod.PUT, "/api/sites/" + id, fixture("site").put("district", "西红门 Xihongmen"), etag)
                        .expectStatus()
                        .isOk());
        assertThat(updated.path("district").asString()).isEqualTo("西红门 Xihongmen");
        send(HttpMethod.PUT, "/api/sites/" + id, fixture("site").put("district", "Lost update"), etag)
                .expectStatus()
                .isEqualTo(412);
        assertThat(get("/api/sites/" + id).path("district").asString()).isEqualTo("西红门 Xihongmen");
    }

    @Test
    void caravanNamesAreUnique() {
        var caravan = fixture("caravan").put("name", "Warm-hearted exam companion " + java.util.UUID.randomUUID());
        send(HttpMethod.POST, "/api/caravans", caravan, null).expectStatus().isCreated();
        send(HttpMethod.POST, "/api/caravans", caravan, null)
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void volunteersReadSitesButCannotChangeThem() {
        String id = createSite();
        sendAs(volunteer(), HttpMethod.GET, "/api/sites/" + id, null, null)
                .expectStatus()
                .isOk();
        sendAs(volunteer(), HttpMethod.POST, "/api/sites", fixture("site"), null)
                .expectStatus()
                .isForbidden();
    }
}
