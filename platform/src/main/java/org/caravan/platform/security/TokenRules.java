package org.caravan.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What a token must say beyond a good signature, issuer and audience: when it expires, and not too far ahead (a
 * token without {@code exp} would never expire); whom it is for (a blank {@code sub} would match every volunteer
 * registered without one); and at least one role the services know (a token with none read everything).
 * Checked against real time, as token expiry always is, not the rules' clock.
 */
public final class TokenRules implements OAuth2TokenValidator<Jwt> {

    public static final Set<String> KNOWN_ROLES =
            Set.of(Roles.COORDINATOR, Roles.VOLUNTEER, Roles.DONOR_LIAISON, Roles.OPERATOR);

    private final Duration longestLifetime;
    private final Clock realTime;

    public TokenRules(Duration longestLifetime, Clock realTime) {
        this.longestLifetime = longestLifetime;
        this.realTime = realTime;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Instant expires = token.getExpiresAt();
        if (expires == null) {
            return refused("The token has no expiry (exp)");
        }
        Instant from = token.getIssuedAt() == null ? realTime.instant() : token.getIssuedAt();
        if (Duration.between(from, expires).compareTo(longestLifetime) > 0) {
            return refused("The token lives longer than " + longestLifetime + "; ask for a shorter one");
        }
        if (token.getSubject() == null || token.getSubject().isBlank()) {
            return refused("The token names nobody (sub)");
        }
        List<String> roles = token.hasClaim("roles") ? token.getClaimAsStringList("roles") : List.of();
        if (roles == null || roles.stream().noneMatch(KNOWN_ROLES::contains)) {
            return refused("The token holds none of the roles " + KNOWN_ROLES);
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult refused(String why) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", why, null));
    }
}
