package org.caravan.platform.messaging;

import org.caravan.contracts.CaravanEvent;
import reactor.core.publisher.Mono;

/** What a consumer does with one event; runs inside the transaction that records the event as processed. */
@FunctionalInterface
public interface EventHandler<E extends CaravanEvent> {

    Mono<Void> handle(IncomingEvent<E> event);
}
