package org.caravan.identity.account;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Finds the account a person signs in to by e-mail. The user it answers is named by the account's subject, so
 * that the signed-in principal, the authorization's principal and every token's {@code sub} are that subject. An
 * invited person without a password yet cannot sign in (answered as an unknown address).
 */
public class AccountSignIn implements UserDetailsService {

    private final AccountRepository repository;

    public AccountSignIn(AccountRepository repository) {
        this.repository = repository;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        Account account = repository
                .byEmail(email)
                .filter(Account::hasPassword)
                .orElseThrow(() -> new UsernameNotFoundException("No account with a password for that e-mail"));
        List<SimpleGrantedAuthority> authorities = account.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        return User.withUsername(account.subject())
                .password(account.passwordHash())
                .disabled(!account.enabled())
                .authorities(authorities)
                .build();
    }
}
