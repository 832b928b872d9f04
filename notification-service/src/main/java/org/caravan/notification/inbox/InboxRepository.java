package org.caravan.notification.inbox;

import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;

interface InboxRepository extends ReactiveCrudRepository<InboxEntry, UUID> {

    Flux<InboxEntry> findByRecipientOrderByCreatedAtDesc(String recipient, Pageable page);
}
