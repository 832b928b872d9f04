package org.caravan.contracts.donation;

import java.time.Instant;
import java.util.List;

/** Items arrived into storage; {@code overDeliveryReason} is set when more came than was pledged. */
public record DonationReceived(
        PledgeSnapshot pledge,
        List<ItemQuantity> quantities,
        String overDeliveryReason,
        String recordedBy,
        Instant receivedAt)
        implements DonationEvent {}
