package org.caravan.contracts.visit;

import java.time.Instant;

/** The caravan arrived and the visit is under way. */
public record VisitStarted(VisitSnapshot visit, String startedBy, Instant startedAt) implements VisitEvent {}
