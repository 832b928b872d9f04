package org.caravan.contracts.visit;

import java.time.Instant;
import java.util.UUID;

/** An item of a scheduled visit's programme was added, changed or removed; {@code visit} holds the new programme. */
public record ProgrammeChanged(
        VisitSnapshot visit, UUID itemId, ProgrammeChange change, String changedBy, Instant changedAt)
        implements VisitEvent {}
