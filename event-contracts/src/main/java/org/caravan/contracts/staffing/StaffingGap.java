package org.caravan.contracts.staffing;

import java.time.Instant;
import java.util.UUID;

/** A role of an item with fewer people confirmed than it needs. */
public record StaffingGap(
        UUID itemId, String itemTitle, Instant itemStartsAt, String role, int needed, int confirmed) {}
