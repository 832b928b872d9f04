package org.caravan.contracts.donation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the site signed for in one hand-over: who received it, in what role, and the signature's reference. */
public record Receipt(
        UUID deliveryId,
        Instant deliveredAt,
        String receivedByName,
        String receivedByRole,
        String signatureRef,
        List<ItemQuantity> quantities) {}
