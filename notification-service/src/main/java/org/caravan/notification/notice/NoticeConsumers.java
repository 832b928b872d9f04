package org.caravan.notification.notice;

import java.util.function.Consumer;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.visit.VisitEvent;
import org.caravan.notification.recipient.Recipients;
import org.caravan.platform.messaging.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The topics notification-service listens to, each bound in application.yml ({name}-in-0). */
@Configuration(proxyBeanMethods = false)
class NoticeConsumers {

    @Bean
    Consumer<Message<byte[]>> visitEvents(EventConsumers consumers, VisitNotices visits) {
        return consumers
                .named("notification-service.visits")
                .onEvery(VisitEvent.class, visits::visitChanged)
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> volunteerEvents(EventConsumers consumers, Recipients recipients) {
        return consumers
                .named("notification-service.directory")
                .on(EventCatalog.VOLUNTEER_REGISTERED, recipients::registered)
                .on(EventCatalog.VOLUNTEER_CONTACT_CHANGED, recipients::contactChanged)
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> assignmentEvents(EventConsumers consumers, StaffingNotices staffing) {
        return consumers
                .named("notification-service.staffing")
                .on(EventCatalog.ASSIGNMENT_OFFERED, staffing::offered)
                .on(EventCatalog.ASSIGNMENT_PROMOTED, staffing::promoted)
                .on(EventCatalog.ASSIGNMENT_CONFIRMED, staffing::confirmed)
                .on(EventCatalog.ASSIGNMENT_WAITLISTED, staffing::waitlisted)
                .on(EventCatalog.ASSIGNMENT_DECLINED, staffing::declined)
                .on(EventCatalog.ASSIGNMENT_WITHDRAWN, staffing::withdrawn)
                .on(EventCatalog.ASSIGNMENT_CANCELLED, staffing::cancelled)
                .on(EventCatalog.ASSIGNMENT_RELEASED, staffing::released)
                .on(EventCatalog.ASSIGNMENT_OFFER_EXPIRED, staffing::expired)
                .on(EventCatalog.ASSIGNMENT_RECONFIRMATION_REQUESTED, staffing::reconfirm)
                .on(EventCatalog.NO_SHOW_RECORDED, staffing::noShow)
                .on(EventCatalog.SERVICE_HOURS_CERTIFIED, staffing::certified)
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> staffingEvents(EventConsumers consumers, StaffingNotices staffing) {
        return consumers
                .named("notification-service.staffing-gaps")
                .on(EventCatalog.STAFFING_GAPS_FOUND, staffing::gapsFound)
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> donationEvents(EventConsumers consumers, DonationNotices donations) {
        return consumers
                .named("notification-service.donations")
                .on(EventCatalog.DONATION_PLEDGED, donations::pledged)
                .on(EventCatalog.DONATION_DELIVERED, donations::delivered)
                .on(EventCatalog.DONATION_HELD, donations::held)
                .build();
    }
}
