package org.caravan.event;

import org.caravan.platform.testing.ServiceConformance;
import org.caravan.platform.testing.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventServiceConformanceIntegrationTests extends ServiceConformance {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "event_service");
    }

    /** Volunteers, liaisons and operators read what is planned (drafts stay the coordinators'); only they plan. */
    @Override
    protected java.util.Set<String> openToEveryRole() {
        return java.util.Set.of(
                "GET /api/visits",
                "GET /api/visits/{id}",
                "GET /api/visits.ics",
                "GET /api/sites",
                "GET /api/sites/{id}",
                "GET /api/caravans");
    }
}
