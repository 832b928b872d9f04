package org.caravan.contracts.donation;

/** Items were handed over at the site; the receipt says who signed for what. */
public record DonationDelivered(PledgeSnapshot pledge, Receipt receipt, String recordedBy) implements DonationEvent {}
