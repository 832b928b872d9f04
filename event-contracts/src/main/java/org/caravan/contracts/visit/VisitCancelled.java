package org.caravan.contracts.visit;

import java.time.Instant;

/** A scheduled visit will not take place. */
public record VisitCancelled(VisitSnapshot visit, String reason, String cancelledBy, Instant cancelledAt)
        implements VisitEvent {}
