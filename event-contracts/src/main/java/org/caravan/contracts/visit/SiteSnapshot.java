package org.caravan.contracts.visit;

import java.util.UUID;

/** The place visited, as it was when the event happened; {@code location} may be null. */
public record SiteSnapshot(
        UUID siteId,
        String name,
        String kind,
        String district,
        String address,
        String timeZone,
        GeoLocation location) {}
