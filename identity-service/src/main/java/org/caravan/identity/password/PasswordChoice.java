package org.caravan.identity.password;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.caravan.identity.IdentityProperties;
import org.caravan.identity.account.Account;
import org.caravan.identity.account.Accounts;
import org.caravan.identity.signin.SignInThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Choosing a password with a one-time link, and asking for such a link when the password is forgotten. */
@Service
public class PasswordChoice {

    private static final Logger log = LoggerFactory.getLogger(PasswordChoice.class);

    private final OneTimeLinks links;
    private final Accounts accounts;
    private final SignInThrottle throttle;
    private final PasswordMail mail;
    private final IdentityProperties properties;
    private final Clock clock;

    PasswordChoice(
            OneTimeLinks links,
            Accounts accounts,
            SignInThrottle throttle,
            PasswordMail mail,
            IdentityProperties properties,
            Clock clock) {
        this.links = links;
        this.accounts = accounts;
        this.throttle = throttle;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a link allows now, with the account it is for when it is usable. */
    public record LinkView(OneTimeLink.Status status, OneTimeLink.Purpose purpose, Account account) {}

    public Optional<LinkView> inspect(String token) {
        return links.find(token)
                .map(link -> new LinkView(
                        link.statusAt(clock.instant()),
                        link.purpose(),
                        accounts.bySubject(link.subject()).orElse(null)));
    }

    /**
     * Sets the password if the link is usable, using the link up; answers the link's status before, empty for an
     * unknown link. The password's rules are checked before the link is touched, so a refused password leaves the
     * link usable.
     */
    @Transactional
    public Optional<OneTimeLink.Status> choose(String token, String password) {
        if (Accounts.passwordProblem(password) != null) {
            throw new Accounts.AccountException(Accounts.passwordProblem(password), "Password refused");
        }
        Optional<OneTimeLinks.Use> use = links.use(token);
        Optional<OneTimeLink.Status> before = use.map(OneTimeLinks.Use::status);
        if (before.orElse(null) == OneTimeLink.Status.USABLE) {
            String subject = use.get().link().subject();
            accounts.setPassword(subject, password);
            accounts.bySubject(subject).ifPresent(account -> throttle.clear(account.email()));
        }
        return before;
    }

    /**
     * Mails a reset link to the address if an enabled account uses it; says nothing either way, so that the form
     * cannot be used to find out who has an account.
     */
    public void forgotten(String email, Locale locale) {
        Optional<Account> account = accounts.byEmail(email).filter(Account::enabled);
        if (account.isEmpty()) {
            log.info("A password reset was asked for an address without an account");
            return;
        }
        OneTimeLinks.Issued link = links.issue(
                account.get().subject(),
                OneTimeLink.Purpose.PASSWORD_RESET,
                properties.links().passwordResetLifetime());
        try {
            mail.sendPasswordReset(account.get(), locale, link);
        } catch (MailException e) {
            log.warn("Could not mail a password reset to {}: {}", account.get().subject(), e.getMessage());
        }
    }
}
