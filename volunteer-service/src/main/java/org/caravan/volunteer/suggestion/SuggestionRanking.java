package org.caravan.volunteer.suggestion;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.caravan.volunteer.volunteer.Availability;
import org.caravan.volunteer.volunteer.Availability.Fit;

/**
 * Who to ask for a role, best first: those with the skills, then those who said they are free, then those
 * without a clash, then those who served fewer hours lately (so the same few are not always asked), then
 * those from the site's district. Each suggestion says why. A clash costs a query per person, so clashes are
 * looked up only for a shortlist ranked by everything else.
 */
final class SuggestionRanking {

    /** How far back "recent hours" look. */
    static final int RECENT_DAYS = 90;

    /** How many are checked for clashes, for each suggestion asked for. */
    private static final int SHORTLIST_FACTOR = 3;

    record Need(List<String> skills, Instant startsAt, Instant endsAt, String district) {}

    record Candidate(
            UUID id,
            String name,
            String district,
            List<String> skills,
            ZoneId zone,
            Availability availability,
            BigDecimal recentHours) {}

    private static final Comparator<Suggestion> BEFORE_CONFLICTS = Comparator.comparing(
                    (Suggestion s) -> s.missingSkills().size())
            .thenComparing(s -> s.availability().ordinal())
            .thenComparing(Suggestion::recentHours)
            .thenComparing(s -> !s.sameDistrict())
            .thenComparing(Suggestion::name);

    private static final Comparator<Suggestion> BEST_FIRST = Comparator.comparing(
                    (Suggestion s) -> s.missingSkills().size())
            .thenComparing(s -> s.availability().ordinal())
            .thenComparing(s -> s.conflict() != null)
            .thenComparing(Suggestion::recentHours)
            .thenComparing(s -> !s.sameDistrict())
            .thenComparing(Suggestion::name);

    private SuggestionRanking() {}

    /** The candidates worth checking for clashes, best first by all but clashes. */
    static List<Suggestion> shortlist(List<Candidate> candidates, Need need, int limit) {
        return candidates.stream()
                .map(candidate -> assess(candidate, need))
                .sorted(BEFORE_CONFLICTS)
                .limit((long) limit * SHORTLIST_FACTOR)
                .toList();
    }

    /** The shortlist with its clashes known, best first. */
    static List<Suggestion> best(List<Suggestion> checked, int limit) {
        return checked.stream().sorted(BEST_FIRST).limit(limit).toList();
    }

    static Suggestion assess(Candidate candidate, Need need) {
        List<String> matched =
                need.skills().stream().filter(candidate.skills()::contains).toList();
        List<String> missing = need.skills().stream()
                .filter(s -> !candidate.skills().contains(s))
                .toList();
        Fit fit = candidate.availability().fit(need.startsAt(), need.endsAt(), candidate.zone());
        boolean sameDistrict = need.district() != null && need.district().equals(candidate.district());
        List<String> reasons = new ArrayList<>();
        if (!matched.isEmpty()) {
            reasons.add("has " + String.join(", ", matched));
        }
        if (!missing.isEmpty()) {
            reasons.add("lacks " + String.join(", ", missing));
        }
        reasons.add(
                switch (fit) {
                    case AVAILABLE -> "said they are available then";
                    case UNAVAILABLE -> "said they are not available then";
                    case UNKNOWN -> "has not said whether they are available then";
                });
        reasons.add(recentHoursReason(candidate.recentHours()));
        if (sameDistrict) {
            reasons.add("lives in the site's district, " + need.district());
        }
        return new Suggestion(
                candidate.id(),
                candidate.name(),
                candidate.district(),
                matched,
                missing,
                fit,
                null,
                candidate.recentHours(),
                sameDistrict,
                List.copyOf(reasons));
    }

    /** The clash, or that there is none, is told just before the recent hours. */
    static Suggestion withConflict(Suggestion suggestion, Optional<String> conflict) {
        List<String> reasons = new ArrayList<>(suggestion.reasons());
        reasons.add(
                reasons.indexOf(recentHoursReason(suggestion.recentHours())),
                conflict.orElse("no clash with their other places"));
        return new Suggestion(
                suggestion.volunteerId(),
                suggestion.name(),
                suggestion.district(),
                suggestion.matchedSkills(),
                suggestion.missingSkills(),
                suggestion.availability(),
                conflict.orElse(null),
                suggestion.recentHours(),
                suggestion.sameDistrict(),
                List.copyOf(reasons));
    }

    private static String recentHoursReason(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString() + " hours served in the last " + RECENT_DAYS + " days";
    }
}
