package org.caravan.donation;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.visit.VisitScheduled;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.platform.testing.ServiceIntegrationTest;
import org.caravan.platform.testing.VisitBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** donation-service under test, fed visits the way event-service publishes them. */
public abstract class DonationServiceIntegrationTest extends ServiceIntegrationTest {

    @DynamicPropertySource
    static void sweepProgrammesOften(DynamicPropertyRegistry registry) {
        registry.add("caravan.donations.programme-sweep-interval", () -> "500ms");
    }

    protected static String liaison(String subject) {
        return token(subject, "donor_liaison");
    }

    /** The sample visit to Dandelion School as a new visit, published and taken into the read model. */
    protected VisitSnapshot scheduledVisit() {
        VisitSnapshot visit =
                VisitBuilder.newFromSample().status("SCHEDULED").version(3).build();
        publish(EventCatalog.VISIT_SCHEDULED, new VisitScheduled(visit, "coordinator-li", now()), "event-service");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get(coordinator(), "/api/visits/{id}/donations", visit.visitId())
                        .returnResult(JsonNode.class)
                        .getStatus()
                        .is2xxSuccessful());
        return visit;
    }

    /** A donor whose liaison signs in as {@code liaisonSubject}; returns its id. */
    protected String donor(String name, String liaisonSubject) {
        return body(post(
                        coordinator(),
                        "/api/donors",
                        Map.of("name", name, "kind", "ORGANISATION", "liaisonSubject", liaisonSubject)))
                .path("id")
                .asString();
    }

    /** 500 children's books worth ¥12,500 and 20 boxes of stationery, for the visit; returns the pledge. */
    protected JsonNode booksAndStationery(String donorId, UUID visitId, String token) {
        return body(post(
                token,
                "/api/pledges",
                Map.of(
                        "donorId",
                        donorId,
                        "visitId",
                        visitId,
                        "items",
                        List.of(
                                Map.of(
                                        "kind", "BOOKS",
                                        "description", "Children's books, grades 1-6",
                                        "quantity", 500,
                                        "unit", "books",
                                        "estimatedValue", Map.of("amountMinor", 1_250_000, "currency", "CNY")),
                                Map.of(
                                        "kind", "STATIONERY",
                                        "description", "Stationery sets",
                                        "quantity", 20,
                                        "unit", "boxes")),
                        "note",
                        "The start of an ongoing reading programme")));
    }

    /** A pledge of one book from the donor for the visit, as a request body. */
    protected static Map<String, Object> oneBook(String donorId, Object visitId) {
        return Map.of(
                "donorId",
                donorId,
                "visitId",
                visitId,
                "items",
                List.of(Map.of("kind", "BOOKS", "description", "Books", "quantity", 1, "unit", "books")));
    }

    protected static List<Map<String, Object>> quantities(int... lineAndQuantity) {
        List<Map<String, Object>> quantities = new java.util.ArrayList<>();
        for (int i = 0; i < lineAndQuantity.length; i += 2) {
            quantities.add(Map.of("line", lineAndQuantity[i], "quantity", lineAndQuantity[i + 1]));
        }
        return quantities;
    }

    protected static String uniqueName(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
