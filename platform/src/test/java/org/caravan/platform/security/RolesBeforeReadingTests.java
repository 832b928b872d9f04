package org.caravan.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RolesBeforeReadingTests {

    @Test
    void theRolesOfHasRoleAndHasAnyRoleAreReadBeforeTheBody() {
        assertThat(RolesBeforeReading.rolesIn("hasRole('coordinator')")).contains(List.of("coordinator"));
        assertThat(RolesBeforeReading.rolesIn("hasAnyRole('coordinator', 'donor_liaison')"))
                .contains(List.of("coordinator", "donor_liaison"));
    }

    @Test
    void anyOtherExpressionIsLeftToMethodSecurity() {
        assertThat(RolesBeforeReading.rolesIn("hasRole('coordinator') or #id == principal.subject"))
                .isEmpty();
        assertThat(RolesBeforeReading.rolesIn("isAuthenticated()")).isEmpty();
    }
}
