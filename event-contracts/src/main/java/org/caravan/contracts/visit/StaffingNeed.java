package org.caravan.contracts.visit;

import java.util.List;

/** People a programme item needs in one role, with the skills that role calls for. */
public record StaffingNeed(String role, List<String> skills, int headcount) {}
