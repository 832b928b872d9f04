package org.caravan.event.visit;

public enum ProgrammeItemKind {
    PERFORMANCE,
    TALK,
    SERVICE,
    DONATION_HANDOVER,
    OTHER
}
