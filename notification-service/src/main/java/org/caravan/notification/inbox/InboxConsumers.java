package org.caravan.notification.inbox;

import java.util.function.Consumer;
import org.caravan.contracts.EventCatalog;
import org.caravan.platform.messaging.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

@Configuration(proxyBeanMethods = false)
class InboxConsumers {

    /** Bound to caravan.visits.v1 as visitEvents-in-0 (see application.yml). */
    @Bean
    Consumer<Message<byte[]>> visitEvents(EventConsumers consumers, VisitNotices notices) {
        return consumers
                .named("notification-service.inbox")
                .on(EventCatalog.VISIT_SCHEDULED, notices::visitScheduled)
                .build();
    }
}
