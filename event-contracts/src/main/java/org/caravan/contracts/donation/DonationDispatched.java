package org.caravan.contracts.donation;

import java.time.Instant;
import java.util.List;

/** Items were loaded for the visit. */
public record DonationDispatched(
        PledgeSnapshot pledge, List<ItemQuantity> quantities, String recordedBy, Instant dispatchedAt)
        implements DonationEvent {}
