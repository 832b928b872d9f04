package org.caravan.notification.inbox;

import java.time.Clock;
import java.util.Optional;
import org.caravan.notification.delivery.Channel;
import org.caravan.notification.delivery.Deliveries;
import org.caravan.notification.delivery.Delivery;
import org.caravan.notification.delivery.DeliveryFailure;
import org.caravan.notification.message.Templates;
import org.caravan.notification.message.Templates.Message;
import org.caravan.notification.recipient.Recipient;
import org.caravan.notification.recipient.Recipients;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The in-app inbox: every notice leaves a copy here, shown to whoever signs in as the recipient. The copy is
 * made as the notice is queued, in the same transaction ({@link #copyAsQueued}); the dispatcher sends through
 * this channel only what could not be copied then, and what operators retry.
 */
@Component
public class InboxChannel implements Channel {

    private final InboxEntries entries;
    private final Deliveries deliveries;
    private final Recipients recipients;
    private final Clock clock;

    InboxChannel(InboxEntries entries, Deliveries deliveries, Recipients recipients, Clock clock) {
        this.entries = entries;
        this.deliveries = deliveries;
        this.recipients = recipients;
        this.clock = clock;
    }

    @Override
    public String name() {
        return Recipient.INBOX;
    }

    @Override
    public Mono<Void> send(Delivery delivery, Recipient recipient, Message message) {
        if (recipient.subject() == null) {
            return Mono.error(DeliveryFailure.permanent(InboxCopy.NO_LOGIN));
        }
        return entries.copy(delivery, recipient.subject(), message);
    }

    /**
     * The inbox copy of a notice just queued, made in the caller's transaction and recorded as the dispatcher
     * records a send (SENT, or FAILED for a recipient with no login), so that the entry is there as soon as that
     * transaction commits, or not at all if it rolls back.
     */
    public Mono<Void> copyAsQueued(Delivery copy) {
        return recipients
                .find(copy.recipient())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(recipient -> switch (InboxCopy.of(recipient, copy.nextAttemptAt(), clock.instant())) {
                    case LATER -> Mono.<Void>empty();
                    case NEVER -> deliveries.failedForGood(copy, name(), InboxCopy.NO_LOGIN);
                    case NOW -> copyNow(copy, recipient.get());
                });
    }

    private Mono<Void> copyNow(Delivery copy, Recipient recipient) {
        return send(copy, recipient, Templates.render(copy.kind(), copy.params(), recipient.locale()))
                .then(deliveries.sent(copy, name()));
    }
}
