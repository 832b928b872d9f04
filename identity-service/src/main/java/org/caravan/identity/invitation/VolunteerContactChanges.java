package org.caravan.identity.invitation;

import java.util.Optional;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.volunteer.VolunteerContactChanged;
import org.caravan.identity.account.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A volunteer registered without an e-mail address is invited once one is given: a {@code VolunteerContactChanged}
 * (v1) with a subject and an address is handled as a registration would be ({@link
 * Invitations#prepareForRegistered}): no account yet, one is made and invited; an account that has not chosen a
 * password and holds no usable invitation is sent a new one; an account with a password, or with another address,
 * is left as it is (whoever may edit a volunteer's contact must not redirect that person's sign-in).
 */
class VolunteerContactChanges extends InvitingConsumer<VolunteerContactChanged> {

    private static final Logger log = LoggerFactory.getLogger(VolunteerContactChanges.class);

    VolunteerContactChanges(ProcessedEvents processed, Invitations invitations, TransactionTemplate transactions) {
        super(EventCatalog.VOLUNTEER_CONTACT_CHANGED, processed, invitations, transactions);
    }

    @Override
    Optional<Invitee> invitee(VolunteerContactChanged event) {
        if (blank(event.subject()) || blank(event.email())) {
            log.debug("Volunteer {} changed contact without an e-mail address: nobody to invite", event.volunteerId());
            return Optional.empty();
        }
        return Optional.of(
                new Invitee(event.subject(), event.email(), event.name(), Role.VOLUNTEER.claim(), event.locale()));
    }
}
