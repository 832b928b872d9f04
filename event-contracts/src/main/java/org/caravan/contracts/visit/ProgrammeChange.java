package org.caravan.contracts.visit;

public enum ProgrammeChange {
    ADDED,
    CHANGED,
    REMOVED
}
