package org.caravan.volunteer.volunteer;

import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface VolunteerRepository extends ReactiveCrudRepository<Volunteer, UUID> {

    Mono<Volunteer> findBySubject(String subject);

    Flux<Volunteer> findAllBy(Pageable page);

    @Query("select * from volunteer where :skill = any(skills) order by name, id limit :limit offset :offset")
    Flux<Volunteer> findWithSkill(String skill, int limit, long offset);
}
