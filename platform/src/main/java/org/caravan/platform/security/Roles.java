package org.caravan.platform.security;

/** The roles a token's {@code roles} claim may hold; Spring sees them as authorities ROLE_coordinator etc. */
public final class Roles {

    public static final String COORDINATOR = "coordinator";
    public static final String VOLUNTEER = "volunteer";
    public static final String DONOR_LIAISON = "donor_liaison";
    public static final String OPERATOR = "operator";

    private Roles() {}

    /** Whether the token carries the role, for handlers that serve both a role and the owner of a resource. */
    public static boolean has(org.springframework.security.oauth2.jwt.Jwt token, String role) {
        java.util.List<String> roles = token.getClaimAsStringList("roles");
        return roles != null && roles.contains(role);
    }
}
