package org.caravan.event.visit;

import java.util.UUID;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

public interface VisitRepository extends ReactiveCrudRepository<Visit, UUID> {}
