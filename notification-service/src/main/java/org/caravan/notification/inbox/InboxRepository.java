package org.caravan.notification.inbox;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.r2dbc.repository.Modifying;
import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

interface InboxRepository extends ReactiveCrudRepository<InboxEntry, UUID> {

    /** Unread first, then newest first. */
    @Query("select * from inbox_entry where recipient = :recipient order by read_at is not null, created_at desc, id"
            + " limit :limit offset :offset")
    Flux<InboxEntry> page(String recipient, int limit, long offset);

    @Query("select * from inbox_entry where recipient = :recipient and created_at > :after order by created_at, id")
    Flux<InboxEntry> newerThan(String recipient, Instant after);

    Mono<InboxEntry> findByIdAndRecipient(UUID id, String recipient);

    @Modifying
    @Query("update inbox_entry set read_at = coalesce(read_at, :at) where id = :id and recipient = :recipient")
    Mono<Integer> markRead(UUID id, String recipient, java.time.Instant at);
}
