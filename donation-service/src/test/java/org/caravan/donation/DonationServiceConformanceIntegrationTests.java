package org.caravan.donation;

import org.caravan.platform.testing.ServiceConformance;
import org.caravan.platform.testing.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DonationServiceConformanceIntegrationTests extends ServiceConformance {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "donation_service");
    }

    @Override
    protected java.util.Set<String> openToEveryRole() {
        return java.util.Set.of();
    }
}
