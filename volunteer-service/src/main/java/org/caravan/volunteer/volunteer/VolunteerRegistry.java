package org.caravan.volunteer.volunteer;

import org.caravan.contracts.volunteer.VolunteerRegistered;
import org.caravan.platform.outbox.Outbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/** Registers volunteers and tells the other services who they are and how to reach them. */
@Service
class VolunteerRegistry {

    private final VolunteerRepository volunteers;
    private final Outbox outbox;

    VolunteerRegistry(VolunteerRepository volunteers, Outbox outbox) {
        this.volunteers = volunteers;
        this.outbox = outbox;
    }

    @Transactional
    public Mono<Volunteer> register(Volunteer volunteer) {
        return volunteers.save(volunteer).flatMap(saved -> outbox.append(new VolunteerRegistered(
                        saved.id(),
                        saved.subject(),
                        saved.name(),
                        saved.phone(),
                        saved.email(),
                        saved.skills(),
                        saved.languages(),
                        saved.district(),
                        saved.locale(),
                        saved.timeZone(),
                        saved.createdAt()))
                .thenReturn(saved));
    }
}
