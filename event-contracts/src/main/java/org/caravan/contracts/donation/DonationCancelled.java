package org.caravan.contracts.donation;

import java.time.Instant;

/** The pledge will not be fulfilled; what was delivered before stays delivered. */
public record DonationCancelled(PledgeSnapshot pledge, String reason, String cancelledBy, Instant cancelledAt)
        implements DonationEvent {}
