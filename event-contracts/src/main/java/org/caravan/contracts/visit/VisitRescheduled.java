package org.caravan.contracts.visit;

import java.time.Instant;
import java.time.LocalDateTime;

/** A scheduled visit moved; its programme items moved with it. Previous times are local to the site. */
public record VisitRescheduled(
        VisitSnapshot visit,
        LocalDateTime previousStartsAt,
        LocalDateTime previousEndsAt,
        String reason,
        String rescheduledBy,
        Instant rescheduledAt)
        implements VisitEvent {}
