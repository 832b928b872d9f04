package org.caravan.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenRulesTests {

    private static final Instant NOW = Instant.parse("2026-12-08T06:30:00Z");
    private static final TokenRules RULES = new TokenRules(Duration.ofHours(12), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTokenForSomeoneWithARoleThatExpiresWithinTheDayIsAccepted() {
        assertThat(RULES.validate(token().build()).hasErrors()).isFalse();
    }

    @Test
    void aTokenThatNeverExpiresIsRefused() {
        assertThat(reason(token().claims(c -> c.remove("exp")).build())).contains("no expiry");
    }

    @Test
    void aTokenLivingLongerThanTheLongestLifetimeIsRefused() {
        assertThat(reason(token().expiresAt(NOW.plus(Duration.ofDays(30))).build()))
                .contains("longer than");
        assertThat(reason(token().claims(c -> c.remove("iat"))
                        .expiresAt(NOW.plus(Duration.ofDays(2)))
                        .build()))
                .contains("longer than");
    }

    @Test
    void aTokenForNobodyIsRefused() {
        assertThat(reason(token().subject("").build())).contains("names nobody");
        assertThat(reason(token().subject("  ").build())).contains("names nobody");
        assertThat(reason(token().claims(c -> c.remove("sub")).build())).contains("names nobody");
    }

    @Test
    void aTokenWithoutAKnownRoleIsRefused() {
        assertThat(reason(token().claim("roles", List.of()).build())).contains("none of the roles");
        assertThat(reason(token().claim("roles", List.of("guest", "admin")).build()))
                .contains("none of the roles");
        assertThat(reason(token().claims(c -> c.remove("roles")).build())).contains("none of the roles");
        assertThat(RULES.validate(token().claim("roles", List.of("guest", "volunteer"))
                                .build())
                        .hasErrors())
                .isFalse();
    }

    private static Jwt.Builder token() {
        return Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject("volunteer-qiao-yuanhui")
                .claim("roles", List.of("volunteer"))
                .issuedAt(NOW)
                .expiresAt(NOW.plus(Duration.ofMinutes(15)));
    }

    private static String reason(Jwt token) {
        var result = RULES.validate(token);
        assertThat(result.hasErrors()).isTrue();
        return result.getErrors().iterator().next().getDescription();
    }
}
