package org.caravan.volunteer;

import org.caravan.platform.testing.ServiceConformance;
import org.caravan.platform.testing.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VolunteerServiceConformanceIntegrationTests extends ServiceConformance {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "volunteer_service");
    }

    /** A person's own profile, places and answers: the handlers find them by the token's subject or refuse. */
    @Override
    protected java.util.Set<String> openToEveryRole() {
        return java.util.Set.of(
                "GET /api/volunteers/me",
                "PUT /api/volunteers/me",
                "GET /api/volunteers/me/assignments",
                "POST /api/volunteers/me/calendar-token",
                "DELETE /api/volunteers/me/calendar-token",
                "GET /api/volunteers/{id}/service-hours",
                "GET /api/teams/{id}",
                "POST /api/assignments/{id}/accept",
                "POST /api/assignments/{id}/decline",
                "POST /api/assignments/{id}/withdraw",
                "POST /api/assignments/{id}/reconfirm",
                "POST /api/assignments/{id}/check-in",
                "POST /api/assignments/{id}/check-out");
    }

    /** Mail clients and calendar apps send no token: the link's signature or the feed token is the credential. */
    @Override
    protected java.util.Set<String> servedWithoutAToken() {
        return java.util.Set.of(
                "GET /api/answer-links/{token}",
                "POST /api/answer-links/{token}",
                "GET /api/volunteers/me/calendar.ics");
    }
}
