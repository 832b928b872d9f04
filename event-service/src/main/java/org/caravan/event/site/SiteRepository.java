package org.caravan.event.site;

import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;

public interface SiteRepository extends ReactiveCrudRepository<Site, UUID> {

    Flux<Site> findAllByOrderByNameAsc(Pageable page);
}
