package org.caravan.event.caravan;

import java.util.UUID;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface CaravanRepository extends ReactiveCrudRepository<Caravan, UUID> {

    Flux<Caravan> findAllByOrderByNameAsc();

    Mono<Boolean> existsByName(String name);
}
