package org.caravan.notification.delivery;

import java.time.Clock;
import org.caravan.notification.message.Templates.Message;
import org.caravan.notification.recipient.Recipient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The in-app inbox: every notice leaves a copy here, shown to whoever signs in as the recipient. */
@Component
class InboxChannel implements Channel {

    private final Clock clock;

    private final DatabaseClient database;

    InboxChannel(DatabaseClient database, Clock clock) {
        this.clock = clock;
        this.database = database;
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
        return database.sql(
                        """
                        insert into inbox_entry (recipient, kind, subject_id, title, body, event_id, delivery_id, created_at)
                        values (:recipient, :kind, :subject, :title, :body, :event, :delivery, :createdAt)
                        on conflict (delivery_id) do nothing
                        """)
                .bind("recipient", recipient.subject())
                .bind("kind", delivery.kind().name())
                .bind("subject", delivery.subjectId())
                .bind("title", message.title())
                .bind("body", message.body())
                .bind("event", delivery.eventId())
                .bind("delivery", delivery.id())
                .bind("createdAt", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS))
                .then();
    }
}
