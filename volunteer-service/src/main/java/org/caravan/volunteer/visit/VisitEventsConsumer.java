package org.caravan.volunteer.visit;

import java.util.function.Consumer;
import org.caravan.contracts.visit.VisitEvent;
import org.caravan.platform.messaging.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

@Configuration(proxyBeanMethods = false)
class VisitEventsConsumer {

    /** Every visit event carries the whole visit: the read model takes it in, then staffing follows. */
    @Bean
    Consumer<Message<byte[]>> visitEvents(EventConsumers consumers, VisitPlans plans, StaffingFollowsVisits staffing) {
        return consumers
                .named("volunteer-service.visit-plans")
                .onEvery(VisitEvent.class, event -> plans.apply(event).then(staffing.visitChanged(event)))
                .build();
    }
}
