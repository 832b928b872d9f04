package org.caravan.notification.delivery;

import org.caravan.notification.message.Templates.Message;
import org.caravan.notification.recipient.Recipient;
import reactor.core.publisher.Mono;

/** A way to reach a person. A send that fails says whether trying again could help (see {@link DeliveryFailure}). */
public interface Channel {

    String name();

    Mono<Void> send(Delivery delivery, Recipient recipient, Message message);
}
