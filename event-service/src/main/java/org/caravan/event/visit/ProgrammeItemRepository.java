package org.caravan.event.visit;

import java.util.UUID;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;

public interface ProgrammeItemRepository extends ReactiveCrudRepository<ProgrammeItem, UUID> {

    Flux<ProgrammeItem> findByVisitIdOrderByStartsAtAscCreatedAtAsc(UUID visitId);
}
