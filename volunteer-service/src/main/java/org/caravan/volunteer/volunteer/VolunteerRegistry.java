package org.caravan.volunteer.volunteer;

import java.time.Clock;
import org.caravan.contracts.volunteer.VolunteerContactChanged;
import org.caravan.contracts.volunteer.VolunteerRegistered;
import org.caravan.platform.outbox.Outbox;
import org.caravan.platform.web.EntityVersions;
import org.caravan.platform.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/** Registers volunteers, keeps their own profile, and tells the other services how to reach them. */
@Service
class VolunteerRegistry {

    private final Clock clock;

    private final VolunteerRepository volunteers;
    private final Outbox outbox;

    VolunteerRegistry(VolunteerRepository volunteers, Outbox outbox, Clock clock) {
        this.clock = clock;
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
                        saved.contactPreferences(),
                        saved.createdAt()))
                .thenReturn(saved));
    }

    /** The volunteer's own change; contact changes are published, availability stays here. */
    @Transactional
    public Mono<Volunteer> updateOwnProfile(String subject, String ifMatch, VolunteerController.Profile profile) {
        return volunteers
                .findBySubject(subject)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Volunteer profile", subject)))
                .flatMap(before -> {
                    EntityVersions.check(ifMatch, before.version(), true);
                    Volunteer after = before.withProfile(profile);
                    return volunteers
                            .save(after)
                            .flatMap(saved -> after.reachedDifferentlyThan(before)
                                    ? outbox.append(contactChanged(saved)).thenReturn(saved)
                                    : Mono.just(saved));
                });
    }

    private VolunteerContactChanged contactChanged(Volunteer volunteer) {
        return new VolunteerContactChanged(
                volunteer.id(),
                volunteer.subject(),
                volunteer.name(),
                volunteer.phone(),
                volunteer.email(),
                volunteer.locale(),
                volunteer.timeZone(),
                volunteer.contactPreferences(),
                clock.instant());
    }
}
