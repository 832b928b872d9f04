package org.caravan.event.visit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.caravan.platform.outbox.Outbox;
import org.caravan.platform.web.ProblemException;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Puts visits on the calendar; the visit and its VisitScheduled event commit together or not at all. */
@Service
class VisitScheduling {

    private final VisitRepository visits;
    private final Outbox outbox;
    private final Clock clock;

    VisitScheduling(VisitRepository visits, Outbox outbox) {
        this.visits = visits;
        this.outbox = outbox;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public Mono<Visit> schedule(NewVisit request, String coordinator) {
        return visits.save(Visit.scheduled(request, coordinator, clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .flatMap(visit -> outbox.append(visit.toScheduledEvent()).thenReturn(visit));
    }

    public Mono<Visit> find(UUID id) {
        return visits.findById(id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Visit", id)));
    }

    public Flux<Visit> list(Pageable page) {
        return visits.findAllByOrderByStartsAtAsc(page);
    }
}
