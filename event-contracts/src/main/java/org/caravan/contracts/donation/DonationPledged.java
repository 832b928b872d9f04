package org.caravan.contracts.donation;

import java.time.Instant;

/** A donor promised items for a visit or a site; {@code pledgedBy} is the login that recorded it. */
public record DonationPledged(PledgeSnapshot pledge, String note, String pledgedBy, Instant pledgedAt)
        implements DonationEvent {}
