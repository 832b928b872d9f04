package org.caravan.volunteer.visit;

import java.util.function.Consumer;
import org.caravan.contracts.EventCatalog;
import org.caravan.platform.messaging.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

@Configuration(proxyBeanMethods = false)
class VisitEventsConsumer {

    /** Every visit event carries the whole visit, so each one refreshes the read model the same way. */
    @Bean
    Consumer<Message<byte[]>> visitEvents(
            EventConsumers consumers, VisitPlans plans, VisitCancellations cancellations) {
        return consumers
                .named("volunteer-service.visit-plans")
                .on(EventCatalog.VISIT_SCHEDULED, plans::apply)
                .on(EventCatalog.VISIT_RESCHEDULED, plans::apply)
                .on(EventCatalog.VISIT_CANCELLED, event -> plans.apply(event).then(cancellations.apply(event)))
                .on(EventCatalog.VISIT_STARTED, plans::apply)
                .on(EventCatalog.VISIT_COMPLETED, plans::apply)
                .on(EventCatalog.PROGRAMME_CHANGED, plans::apply)
                .build();
    }
}
