package org.caravan.identity.invitation;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.caravan.identity.IdentityProperties;
import org.caravan.identity.account.Account;
import org.caravan.identity.account.Accounts;
import org.caravan.identity.password.OneTimeLink;
import org.caravan.identity.password.OneTimeLinks;
import org.caravan.identity.password.PasswordMail;
import org.caravan.identity.signin.Locales;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invites a person: creates their account (or updates it) and mails them a single-use, expiring link to choose a
 * password. Idempotent by subject, so that it can be driven by an HTTP call or by an at-least-once event consumer
 * (a {@code VolunteerRegistered} carries subject, name, e-mail and locale) alike: inviting again someone who holds
 * a usable invitation sends nothing unless {@code resend} is asked, and someone who already chose a password is
 * never sent one; roles are only ever added.
 */
@Service
public class Invitations {

    private static final Logger log = LoggerFactory.getLogger(Invitations.class);

    private final Accounts accounts;
    private final OneTimeLinks links;
    private final PasswordMail mail;
    private final TransactionTemplate transactions;
    private final IdentityProperties properties;

    Invitations(
            Accounts accounts,
            OneTimeLinks links,
            PasswordMail mail,
            TransactionTemplate transactions,
            IdentityProperties properties) {
        this.accounts = accounts;
        this.links = links;
        this.mail = mail;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** Whom to invite; {@code locale} (zh-CN or en, zh-CN when absent) is the language of the e-mail. */
    public record Invitation(
            String subject, String email, String name, Set<String> roles, String locale, Boolean resend) {

        public boolean resendAsked() {
            return Boolean.TRUE.equals(resend);
        }
    }

    /**
     * What became of an invitation: whether the account is new, and whether a link was mailed (and until when it
     * works). {@code mailFailed} means a link was issued but the mail server refused it; inviting again resends.
     */
    public record Outcome(
            Account account, boolean created, boolean linkSent, Instant linkExpiresAt, boolean mailFailed) {}

    /**
     * What an invitation changed in the database, and the link to mail once that change has committed (none when
     * nobody is to be mailed).
     */
    public record Prepared(Account account, boolean created, Optional<OneTimeLinks.Issued> link) {}

    public Outcome invite(Invitation invitation) {
        Locale locale = locale(invitation.locale());
        Prepared prepared = transactions.execute(status -> {
            boolean created = accounts.bySubject(invitation.subject()).isEmpty();
            Account account = accounts.createOrUpdate(
                    invitation.subject(), invitation.email(), invitation.name(), invitation.roles(), locale);
            boolean sendLink = !account.hasPassword()
                    && (invitation.resendAsked()
                            || created
                            || !links.hasUsable(account.subject(), OneTimeLink.Purpose.INVITATION));
            return new Prepared(account, created, sendLink ? Optional.of(issue(account)) : Optional.empty());
        });
        return send(prepared);
    }

    /**
     * Invites a person another service registered (volunteer-service's {@code VolunteerRegistered}, donation-service's
     * {@code DonorLiaisonNamed}), in the caller's transaction (which claims the event, so that both stand or fall together); {@link #send} mails the
     * link after the commit. Unlike {@link #invite}, which an operator or a service asks for knowingly, it never
     * changes what an existing account says about its person:
     *
     * <ul>
     *   <li>no account with the subject: it is created with the role, and an invitation link issued (refused, as by
     *       {@link #invite}, when another account uses the address);
     *   <li>an account with the subject and the same address: it gains the role if it lacked it; a link is issued
     *       only while it has no password and no usable invitation (so an expired invitation is renewed);
     *   <li>an account with the subject and another address: left as it is, no link, a warning logged. Otherwise
     *       whoever may register volunteers could redirect someone's sign-in (and their password resets) to an
     *       address of their choosing (the same holds for whoever may register donors); an operator decides with
     *       {@code POST /api/invitations}.
     * </ul>
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Prepared prepareForRegistered(String subject, String email, String name, String role, String locale) {
        Optional<Account> existing = accounts.bySubject(subject);
        if (existing.isEmpty()) {
            Account account = accounts.createOrUpdate(subject, email, name, Set.of(role), locale(locale));
            return new Prepared(account, true, Optional.of(issue(account)));
        }
        Account account = existing.get();
        if (!account.email().equals(Account.normalizeEmail(email))) {
            log.warn(
                    "{} was registered with another e-mail address than their account's; the account stays as it is"
                            + " and no invitation is sent",
                    subject);
            return new Prepared(account, false, Optional.empty());
        }
        if (!account.roles().contains(role)) {
            account = accounts.createOrUpdate(subject, account.email(), account.name(), Set.of(role), account.locale());
        }
        boolean sendLink =
                !account.hasPassword() && !links.hasUsable(account.subject(), OneTimeLink.Purpose.INVITATION);
        return new Prepared(account, false, sendLink ? Optional.of(issue(account)) : Optional.empty());
    }

    /** Mails the prepared link, if there is one; call it once the transaction that issued the link has committed. */
    public Outcome send(Prepared prepared) {
        if (prepared.link().isEmpty()) {
            return new Outcome(prepared.account(), prepared.created(), false, null, false);
        }
        try {
            mail.sendInvitation(prepared.account(), prepared.link().get());
            return new Outcome(
                    prepared.account(),
                    prepared.created(),
                    true,
                    prepared.link().get().expiresAt(),
                    false);
        } catch (MailException e) {
            log.warn(
                    "Could not mail the invitation to {}: {}",
                    prepared.account().subject(),
                    e.getMessage());
            return new Outcome(prepared.account(), prepared.created(), false, null, true);
        }
    }

    /** The link nobody received (its mail failed) stops working, so that inviting again issues and mails a new one. */
    public void withdraw(Prepared prepared) {
        prepared.link().ifPresent(link -> links.revoke(link.token()));
    }

    private OneTimeLinks.Issued issue(Account account) {
        return links.issue(
                account.subject(),
                OneTimeLink.Purpose.INVITATION,
                properties.links().invitationLifetime());
    }

    private static Locale locale(String tag) {
        return tag == null || tag.isBlank() ? Locales.CHINESE : Locales.supported(Locale.forLanguageTag(tag));
    }
}
