package org.caravan.notification;

import org.caravan.platform.testing.ServiceConformance;
import org.caravan.platform.testing.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationServiceConformanceIntegrationTests extends ServiceConformance {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "notification_service");
        NotificationServiceIntegrationTest.mailAndFastSweeps(registry);
    }

    /** Everyone's own inbox and reminders, found by the token's subject. */
    @Override
    protected java.util.Set<String> openToEveryRole() {
        return java.util.Set.of(
                "GET /api/inbox", "GET /api/inbox/stream", "POST /api/inbox/{id}/read", "GET /api/reminders");
    }
}
