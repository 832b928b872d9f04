package org.caravan.identity.signin;

import java.util.Optional;
import org.caravan.identity.account.AccountRepository;
import org.caravan.identity.account.AccountSignIn;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password sign-in (e-mail and password, checked against the stored hash) behind the lockout: a locked address is
 * refused before its password is even checked, and the wrong password that reaches the limit answers the lock.
 */
@Component
public class ThrottledSignIn implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;

    ThrottledSignIn(AccountRepository accounts, PasswordEncoder passwordEncoder, SignInThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(new AccountSignIn(accounts));
        this.passwords.setPasswordEncoder(passwordEncoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName();
        Optional<java.time.Instant> locked = throttle.lockedUntil(email);
        if (locked.isPresent()) {
            throw new AccountLockedException(locked.get());
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.clear(email);
            return result;
        } catch (BadCredentialsException wrong) {
            Optional<java.time.Instant> nowLocked = throttle.recordFailure(email);
            if (nowLocked.isPresent()) {
                throw new AccountLockedException(nowLocked.get());
            }
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
