package org.caravan.identity.invitation;

import java.util.Optional;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.volunteer.VolunteerRegistered;
import org.caravan.identity.account.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invites every volunteer volunteer-service registers with an e-mail address: a {@code VolunteerRegistered} (v1)
 * becomes an account with the role {@code volunteer}, the volunteer's subject, name, address and locale, and an
 * invitation to choose a password, once per event ({@link InvitingConsumer} says how). Other volunteer events on the
 * topic are skipped; a registration without an e-mail address (volunteer-service allows one) or without a subject
 * invites nobody.
 */
class VolunteerRegistrations extends InvitingConsumer<VolunteerRegistered> {

    private static final Logger log = LoggerFactory.getLogger(VolunteerRegistrations.class);

    VolunteerRegistrations(ProcessedEvents processed, Invitations invitations, TransactionTemplate transactions) {
        super(EventCatalog.VOLUNTEER_REGISTERED, processed, invitations, transactions);
    }

    @Override
    Optional<Invitee> invitee(VolunteerRegistered event) {
        if (blank(event.subject()) || blank(event.email())) {
            log.info(
                    "Volunteer {} registered without {}: nobody to invite",
                    event.volunteerId(),
                    blank(event.subject()) ? "a subject" : "an e-mail address");
            return Optional.empty();
        }
        return Optional.of(
                new Invitee(event.subject(), event.email(), event.name(), Role.VOLUNTEER.claim(), event.locale()));
    }
}
