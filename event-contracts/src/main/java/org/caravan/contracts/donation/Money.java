package org.caravan.contracts.donation;

/** An amount in minor units (fen for CNY) of an ISO 4217 currency; never floating point. */
public record Money(long amountMinor, String currency) {}
