package org.caravan.volunteer.visit;

import java.util.function.Consumer;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.visit.VisitEvent;
import org.caravan.platform.messaging.EventConsumers;
import org.caravan.platform.messaging.EventHandler;
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
                .on(EventCatalog.VISIT_SCHEDULED, followedBy(plans, staffing))
                .on(EventCatalog.VISIT_RESCHEDULED, followedBy(plans, staffing))
                .on(EventCatalog.VISIT_CANCELLED, followedBy(plans, staffing))
                .on(EventCatalog.VISIT_STARTED, followedBy(plans, staffing))
                .on(EventCatalog.VISIT_COMPLETED, followedBy(plans, staffing))
                .on(EventCatalog.PROGRAMME_CHANGED, followedBy(plans, staffing))
                .build();
    }

    private static <E extends VisitEvent> EventHandler<E> followedBy(VisitPlans plans, StaffingFollowsVisits staffing) {
        return event -> plans.apply(event).then(staffing.visitChanged(event));
    }
}
