package org.caravan.contracts.visit;

/** WGS-84 coordinates of a site, for maps and travel planning. */
public record GeoLocation(double lat, double lon) {}
