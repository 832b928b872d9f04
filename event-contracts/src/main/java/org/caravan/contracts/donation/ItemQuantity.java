package org.caravan.contracts.donation;

/** How many of a pledge's line moved in one step. */
public record ItemQuantity(int line, long quantity) {}
