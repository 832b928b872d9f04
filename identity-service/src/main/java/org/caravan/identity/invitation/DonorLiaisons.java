package org.caravan.identity.invitation;

import java.util.Optional;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.donation.DonorLiaisonNamed;
import org.caravan.identity.account.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invites every donor's liaison donation-service names with an e-mail address: a {@code DonorLiaisonNamed} (v1)
 * becomes an account with the role {@code donor_liaison}, the liaison's subject, and the donor's contact as
 * donation-service knows it (its contact's name, or the donor's name without one; its contact's address; zh-CN, as
 * donation-service records no language), and an invitation to choose a password, once per event ({@link
 * InvitingConsumer} says how, and {@link Invitations#prepareForRegistered} what happens to an account that exists).
 * Other donor events on the topic are skipped. Nobody is invited for a liaison without a subject or an address, nor
 * for a liaison who named themselves by registering a donor: they signed in to do it.
 */
class DonorLiaisons extends InvitingConsumer<DonorLiaisonNamed> {

    private static final Logger log = LoggerFactory.getLogger(DonorLiaisons.class);

    DonorLiaisons(ProcessedEvents processed, Invitations invitations, TransactionTemplate transactions) {
        super(EventCatalog.DONOR_LIAISON_NAMED, processed, invitations, transactions);
    }

    @Override
    Optional<Invitee> invitee(DonorLiaisonNamed event) {
        if (blank(event.liaisonSubject()) || blank(event.liaisonEmail())) {
            log.info(
                    "Donor {} was given a liaison without {}: nobody to invite",
                    event.donorId(),
                    blank(event.liaisonSubject()) ? "a subject" : "an e-mail address");
            return Optional.empty();
        }
        if (event.liaisonSubject()
                .strip()
                .equals(blank(event.namedBy()) ? null : event.namedBy().strip())) {
            log.info(
                    "{} registered donor {} as its own liaison: signed in already, nobody to invite",
                    event.liaisonSubject(),
                    event.donorId());
            return Optional.empty();
        }
        return Optional.of(new Invitee(
                event.liaisonSubject(),
                event.liaisonEmail(),
                blank(event.liaisonName()) ? event.donorName() : event.liaisonName(),
                Role.DONOR_LIAISON.claim(),
                event.liaisonLocale()));
    }
}
