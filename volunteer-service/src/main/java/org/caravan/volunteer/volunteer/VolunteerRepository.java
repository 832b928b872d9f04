package org.caravan.volunteer.volunteer;

import java.util.UUID;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Mono;

public interface VolunteerRepository extends ReactiveCrudRepository<Volunteer, UUID> {

    Mono<Volunteer> findBySubject(String subject);
}
