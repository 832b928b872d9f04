package org.caravan.event.programme;

public enum ProgrammeItemKind {
    PERFORMANCE,
    TALK,
    SERVICE,
    DONATION_HANDOVER,
    OTHER
}
