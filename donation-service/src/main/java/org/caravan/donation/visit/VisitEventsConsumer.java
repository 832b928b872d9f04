package org.caravan.donation.visit;

import java.util.function.Consumer;
import org.caravan.contracts.visit.VisitEvent;
import org.caravan.platform.messaging.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

@Configuration(proxyBeanMethods = false)
class VisitEventsConsumer {

    /** Bound to caravan.visits.v1 as visitEvents-in-0: the read model takes the visit in, then pledges follow. */
    @Bean
    Consumer<Message<byte[]>> visitEvents(EventConsumers consumers, VisitPlans plans, PledgesFollowVisits pledges) {
        return consumers
                .named("donation-service.visit-plans")
                .onEvery(VisitEvent.class, event -> plans.apply(event).then(pledges.visitChanged(event)))
                .build();
    }
}
