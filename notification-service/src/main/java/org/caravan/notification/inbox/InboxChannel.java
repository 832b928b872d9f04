package org.caravan.notification.inbox;

import org.caravan.notification.delivery.Channel;
import org.caravan.notification.delivery.Delivery;
import org.caravan.notification.delivery.DeliveryFailure;
import org.caravan.notification.message.Templates.Message;
import org.caravan.notification.recipient.Recipient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The in-app inbox: every notice leaves a copy here, shown to whoever signs in as the recipient. */
@Component
class InboxChannel implements Channel {

    private final InboxEntries entries;

    InboxChannel(InboxEntries entries) {
        this.entries = entries;
    }

    @Override
    public String name() {
        return Recipient.INBOX;
    }

    @Override
    public Mono<Void> send(Delivery delivery, Recipient recipient, Message message) {
        if (recipient.subject() == null) {
            return Mono.error(DeliveryFailure.permanent("the recipient has no login, so no inbox"));
        }
        return entries.copy(delivery, recipient.subject(), message);
    }
}
