package org.caravan.notification.delivery;

import org.caravan.notification.message.Templates.Message;
import org.caravan.notification.recipient.Recipient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** E-mail over SMTP (spring.mail.* / SPRING_MAIL_HOST...), sent off the event loop. */
@Component
class EmailChannel implements Channel {

    private final JavaMailSender mail;
    private final String from;

    EmailChannel(JavaMailSender mail, @Value("${caravan.notification.mail-from}") String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public String name() {
        return "EMAIL";
    }

    @Override
    public Mono<Void> send(Delivery delivery, Recipient recipient, Message message) {
        if (recipient.email() == null || recipient.email().isBlank()) {
            return Mono.error(DeliveryFailure.permanent("the recipient has no e-mail address"));
        }
        SimpleMailMessage email = new SimpleMailMessage();
        email.setFrom(from);
        email.setTo(recipient.email());
        email.setSubject(message.title());
        email.setText(message.body());
        return Mono.<Void>fromRunnable(() -> mail.send(email))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(
                        MailException.class,
                        e -> new DeliveryFailure(
                                "SMTP: " + e.getMessage(),
                                e instanceof MailParseException || e instanceof MailPreparationException,
                                e));
    }
}
