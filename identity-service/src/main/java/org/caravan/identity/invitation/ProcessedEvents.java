package org.caravan.identity.invitation;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A consumer's claims on the events it applied ({@code processed_event}), written in the same transaction as the
 * event's effects: a redelivered or replayed event finds its claim and changes nothing. The same table and rule as
 * the reactive services' consumers (platform's {@code IdempotentConsumer}).
 */
@Component
class ProcessedEvents {

    private final JdbcClient jdbc;

    ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True for the first claim of the event by the consumer, false when it was claimed before (and committed). */
    boolean claim(String consumer, UUID eventId, String eventType) {
        return jdbc.sql(
                                """
                        insert into processed_event (consumer, event_id, event_type) values (?, ?, ?)
                        on conflict do nothing
                        """)
                        .params(consumer, eventId, eventType)
                        .update()
                == 1;
    }

    /** Gives the claim up, so that the event is applied again when it comes again (after a failed e-mail). */
    void release(String consumer, UUID eventId) {
        jdbc.sql("delete from processed_event where consumer = ? and event_id = ?")
                .params(consumer, eventId)
                .update();
    }
}
