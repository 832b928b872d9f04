package org.caravan.identity.account;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The roles a token's {@code roles} claim may hold, spelled as the services read them (platform's {@code
 * org.caravan.platform.security.Roles}). Team leads are volunteers: a team names its lead.
 */
public enum Role {
    COORDINATOR("coordinator"),
    VOLUNTEER("volunteer"),
    DONOR_LIAISON("donor_liaison"),
    OPERATOR("operator");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    /** The role as it appears in the {@code roles} claim. */
    public String claim() {
        return claim;
    }

    public static boolean isRole(String claim) {
        return Arrays.stream(values()).anyMatch(role -> role.claim.equals(claim));
    }

    /** The claim values, checked: an unknown role is refused, not silently dropped. */
    public static Set<String> checked(Collection<String> claims) {
        if (claims == null || claims.isEmpty()) {
            throw new IllegalArgumentException("An account needs at least one role");
        }
        Set<String> roles = new TreeSet<>();
        for (String claim : claims) {
            if (!isRole(claim)) {
                throw new IllegalArgumentException("Unknown role " + claim + "; known roles are "
                        + Arrays.stream(values()).map(Role::claim).toList());
            }
            roles.add(claim);
        }
        return roles;
    }
}
