package org.caravan.contracts.donation;

import java.time.Instant;
import java.util.UUID;

/** A pledge was attached to another visit (usually after it was held by a cancellation). */
public record DonationMoved(PledgeSnapshot pledge, UUID fromVisitId, String movedBy, Instant movedAt)
        implements DonationEvent {}
