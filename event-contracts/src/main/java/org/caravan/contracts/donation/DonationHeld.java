package org.caravan.contracts.donation;

import java.time.Instant;

/** The visit the pledge was for was cancelled; the pledge waits, not lost, to be moved to another visit. */
public record DonationHeld(PledgeSnapshot pledge, String reason, Instant heldAt) implements DonationEvent {}
