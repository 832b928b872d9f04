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

    public Outcome invite(Invitation invitation) {
        Locale locale = invitation.locale() == null || invitation.locale().isBlank()
                ? Locales.CHINESE
                : Locales.supported(Locale.forLanguageTag(invitation.locale()));
        record Prepared(Account account, boolean created, Optional<OneTimeLinks.Issued> link) {}
        Prepared prepared = transactions.execute(status -> {
            boolean created = accounts.bySubject(invitation.subject()).isEmpty();
            Account account = accounts.createOrUpdate(
                    invitation.subject(), invitation.email(), invitation.name(), invitation.roles(), locale);
            boolean sendLink = !account.hasPassword()
                    && (invitation.resendAsked()
                            || created
                            || !links.hasUsable(account.subject(), OneTimeLink.Purpose.INVITATION));
            Optional<OneTimeLinks.Issued> link = sendLink
                    ? Optional.of(links.issue(
                            account.subject(),
                            OneTimeLink.Purpose.INVITATION,
                            properties.links().invitationLifetime()))
                    : Optional.empty();
            return new Prepared(account, created, link);
        });
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
}
