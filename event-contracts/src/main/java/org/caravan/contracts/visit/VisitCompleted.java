package org.caravan.contracts.visit;

import java.time.Instant;

/** The visit is over: hours can be certified and thank-you notes sent. */
public record VisitCompleted(VisitSnapshot visit, String completedBy, Instant completedAt) implements VisitEvent {}
