package org.caravan.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gifts of the Dandelion School visit, through donation-service's API: the Huazhang reading team's books
 * and its reading programme, the Construction Group's care packages, the Foundation's sports goods and
 * stationery, and the students' paintings given in return.
 */
public final class DemoDonations {

    public static final String RESOURCE = "/demo/dandelion-school-donations.json";

    private final ApiClient api;

    public DemoDonations(String donationServiceUrl, String coordinatorToken) {
        this.api = new ApiClient(donationServiceUrl, coordinatorToken);
    }

    public static JsonNode fixture() {
        try (InputStream in = DemoDonations.class.getResourceAsStream(RESOURCE)) {
            return JsonMapper.shared().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + RESOURCE, e);
        }
    }

    /** The same, for the visit as event-service shows it: its id, its site, the day it starts. */
    public List<String> load(JsonNode visit) {
        return load(
                visit.path("id").asString(),
                visit.path("site").path("id").asString(),
                LocalDate.parse(visit.path("startsAt").asString().substring(0, 10)));
    }

    /**
     * Waits until donation-service has heard of the visit, then records each donor (once, however often it is
     * seeded), their pledge for it, any programme, and the acknowledgements; returns the pledge ids made.
     */
    public List<String> load(String visitId, String siteId, LocalDate visitDate) {
        awaitVisit(visitId);
        JsonNode fixture = fixture();
        List<String> pledges = new ArrayList<>();
        for (JsonNode gift : fixture.path("donors")) {
            String donorId = donor(gift.path("donor"));
            ObjectNode pledge = ((ObjectNode) gift.path("pledge").deepCopy())
                    .put("donorId", donorId)
                    .put("visitId", visitId);
            pledges.add(api.post("/api/pledges", pledge).path("pledgeId").asString());
            if (gift.has("programme")) {
                ObjectNode programme = (ObjectNode) gift.path("programme").deepCopy();
                LocalDate startsOn =
                        visitDate.plusWeeks(programme.remove("weeksAfterVisit").asInt());
                programme.put("donorId", donorId).put("siteId", siteId).put("startsOn", startsOn.toString());
                api.post("/api/donation-programmes", programme);
            }
            api.post(
                    "/api/acknowledgements",
                    JsonMapper.shared()
                            .createObjectNode()
                            .put("donorId", donorId)
                            .put("visitId", visitId)
                            .put("description", fixture.path("acknowledgement").asString()));
        }
        return pledges;
    }

    private String donor(JsonNode donor) {
        return api.postUnlessPresent("/api/donors", donor)
                .map(created -> created.path("id").asString())
                .orElseGet(() -> {
                    for (JsonNode existing : api.get("/api/donors")) {
                        if (existing.path("name")
                                .asString()
                                .equals(donor.path("name").asString())) {
                            return existing.path("id").asString();
                        }
                    }
                    throw new IllegalStateException("Donor said to exist but not listed: " + donor.path("name"));
                });
    }

    private void awaitVisit(String visitId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try {
                api.get("/api/visits/" + visitId + "/donations");
                return;
            } catch (IllegalStateException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("donation-service never heard of visit " + visitId, notYet);
                }
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
