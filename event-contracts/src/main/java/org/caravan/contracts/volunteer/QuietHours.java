package org.caravan.contracts.volunteer;

import java.time.LocalTime;

/** From {@code from} until {@code to}, local time; {@code from} after {@code to} means overnight. */
public record QuietHours(LocalTime from, LocalTime to) {}
