package org.caravan.volunteer.suggestion;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.caravan.volunteer.volunteer.Availability.Fit;

/** A volunteer to ask for a role, and why: {@code conflict} describes a clash with a place they hold. */
record Suggestion(
        UUID volunteerId,
        String name,
        String district,
        List<String> matchedSkills,
        List<String> missingSkills,
        Fit availability,
        String conflict,
        BigDecimal recentHours,
        boolean sameDistrict,
        List<String> reasons) {}
