package org.caravan.donation.donor;

import org.caravan.platform.security.Roles;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who acts: a coordinator sees every donor; a donor's liaison only the donors they are liaison for. */
public record Caller(String subject, boolean coordinator) {

    public static Caller of(Jwt token) {
        return new Caller(token.getSubject(), Roles.has(token, Roles.COORDINATOR));
    }
}
