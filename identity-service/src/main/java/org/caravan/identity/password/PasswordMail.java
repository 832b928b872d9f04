package org.caravan.identity.password;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.caravan.identity.IdentityProperties;
import org.caravan.identity.account.Account;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The e-mails that carry one-time links: an invitation to choose a password, and a password reset. */
@Component
public class PasswordMail {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final JavaMailSender mail;
    private final MessageSource messages;
    private final IdentityProperties properties;

    PasswordMail(JavaMailSender mail, MessageSource messages, IdentityProperties properties) {
        this.mail = mail;
        this.messages = messages;
        this.properties = properties;
    }

    /** The link a one-time token is used by: the page to choose a password. */
    public String link(String token) {
        return UriComponentsBuilder.fromUriString(properties.linkBase())
                .path("/password/new")
                .queryParam("token", token)
                .build()
                .toUriString();
    }

    public void sendInvitation(Account account, OneTimeLinks.Issued link) {
        send(account, account.locale(), "mail.invitation", link);
    }

    public void sendPasswordReset(Account account, Locale locale, OneTimeLinks.Issued link) {
        send(account, locale, "mail.reset", link);
    }

    private void send(Account account, Locale locale, String kind, OneTimeLinks.Issued link) {
        String expires = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale)
                .format(link.expiresAt().atZone(BEIJING));
        Object[] arguments = {account.name(), link(link.token()), expires, account.email()};
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(properties.mailFrom());
            helper.setTo(account.email());
            helper.setSubject(messages.getMessage(kind + ".subject", arguments, locale));
            helper.setText(messages.getMessage(kind + ".body", arguments, locale), false);
        } catch (MessagingException e) {
            throw new MailPreparationException("Could not write the " + kind + " e-mail", e);
        }
        mail.send(message);
    }
}
