package org.caravan.contracts.visit;

import java.time.Instant;

/** A coordinator published a visit: it is on the calendar, with its programme, and can be staffed. */
public record VisitScheduled(VisitSnapshot visit, String scheduledBy, Instant scheduledAt) implements VisitEvent {}
