package org.caravan.contracts.donation;

import java.time.Instant;
import java.util.UUID;
import org.caravan.contracts.CaravanEvent;

/**
 * A donor was given a liaison: the login ({@code liaisonSubject}) who acts for it in Caravan, and how to reach that
 * person, so that they can be invited to sign in. Today only a donor's registration names a liaison. donation-service
 * records no name or address of the liaison apart from the donor's contact person, so {@code liaisonName} and
 * {@code liaisonEmail} are the donor's contact as registered (either may be null), and it records no language, so
 * {@code liaisonLocale} is null (zh-CN or en when it one day does). {@code namedBy} is the login that named the
 * liaison: a liaison who registers a donor names themselves. Keyed by the donor.
 */
public record DonorLiaisonNamed(
        UUID donorId,
        String donorName,
        String liaisonSubject,
        String liaisonName,
        String liaisonEmail,
        String liaisonLocale,
        String namedBy,
        Instant namedAt)
        implements CaravanEvent {

    @Override
    public String aggregateId() {
        return donorId.toString();
    }
}
