package org.caravan.event.visit;

import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;

interface VisitRepository extends ReactiveCrudRepository<Visit, UUID> {

    Flux<Visit> findAllByOrderByStartsAtAsc(Pageable page);
}
