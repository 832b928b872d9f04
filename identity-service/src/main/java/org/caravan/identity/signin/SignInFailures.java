package org.caravan.identity.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/** Sends a failed sign-in back to the form with the reason, which the page says in the person's language. */
@Component
public class SignInFailures implements AuthenticationFailureHandler {

    private final Clock clock;

    SignInFailures(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String query;
        if (exception instanceof AccountLockedException locked) {
            query = "error=locked&minutes=" + LockoutPolicy.minutesLeft(locked.lockedUntil(), clock.instant());
        } else if (exception instanceof DisabledException) {
            query = "error=disabled";
        } else {
            query = "error=credentials";
        }
        response.sendRedirect(request.getContextPath() + "/login?" + query);
    }
}
