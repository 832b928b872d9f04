package org.caravan.volunteer.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.caravan.volunteer.suggestion.SuggestionRanking.Candidate;
import org.caravan.volunteer.suggestion.SuggestionRanking.Need;
import org.caravan.volunteer.volunteer.Availability;
import org.caravan.volunteer.volunteer.Availability.DatedException;
import org.caravan.volunteer.volunteer.Availability.Fit;
import org.caravan.volunteer.volunteer.Availability.WeeklyWindow;
import org.junit.jupiter.api.Test;

/** Who is suggested first for a role, and the reasons each suggestion gives. */
class SuggestionRankingTests {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String DONGCHENG = "东城区 Dongcheng";

    /** Free TCM consultations for couriers, a Saturday afternoon in Dongcheng. */
    private static final Need CONSULTATIONS = new Need(
            List.of("TCM"),
            LocalDateTime.of(2026, 10, 10, 14, 0).atZone(BEIJING).toInstant(),
            LocalDateTime.of(2026, 10, 10, 16, 0).atZone(BEIJING).toInstant(),
            DONGCHENG);

    private static final Availability SATURDAY_AFTERNOONS = new Availability(
            List.of(new WeeklyWindow(DayOfWeek.SATURDAY, LocalTime.of(13, 0), LocalTime.of(18, 0))), List.of());

    private static final Availability AWAY_THAT_DAY =
            new Availability(List.of(), List.of(new DatedException(LocalDate.of(2026, 10, 10), false, null, null)));

    @Test
    void theSkillsComeFirstThenWhoSaidTheyAreFreeThenWhoHasNoClash() {
        Candidate free = candidate("free", SATURDAY_AFTERNOONS, "8", DONGCHENG, "TCM");
        Candidate busy = candidate("busy", SATURDAY_AFTERNOONS, "0", DONGCHENG, "TCM");
        Candidate silent = candidate("silent", Availability.UNKNOWN, "0", DONGCHENG, "TCM");
        Candidate away = candidate("away", AWAY_THAT_DAY, "0", DONGCHENG, "TCM");
        Candidate unskilled = candidate("unskilled", SATURDAY_AFTERNOONS, "0", DONGCHENG, "HAIRCUT");

        List<Suggestion> ranked = rank(List.of(unskilled, away, silent, busy, free), 10, busy, "Overlaps 'Far away'");

        assertThat(ranked).extracting(Suggestion::name).containsExactly("free", "busy", "silent", "away", "unskilled");
        assertThat(ranked)
                .extracting(Suggestion::availability)
                .containsExactly(Fit.AVAILABLE, Fit.AVAILABLE, Fit.UNKNOWN, Fit.UNAVAILABLE, Fit.AVAILABLE);
    }

    @Test
    void amongEquallySuitedPeopleFewerRecentHoursComeFirstThenTheSitesDistrictThenTheName() {
        Candidate served = candidate("served", SATURDAY_AFTERNOONS, "12.5", DONGCHENG, "TCM");
        Candidate rested = candidate("rested", SATURDAY_AFTERNOONS, "2", "大兴区 Daxing", "TCM");
        Candidate restedNearby = candidate("restedNearby", SATURDAY_AFTERNOONS, "2", DONGCHENG, "TCM");
        Candidate alsoRestedNearby = candidate("alsoRestedNearby", SATURDAY_AFTERNOONS, "2.00", DONGCHENG, "TCM");

        assertThat(rank(List.of(served, rested, restedNearby, alsoRestedNearby), 10, null, null))
                .extracting(Suggestion::name)
                .containsExactly("alsoRestedNearby", "restedNearby", "rested", "served");
    }

    @Test
    void eachSuggestionSaysWhyInTheOrderACoordinatorReadsIt() {
        Candidate nurse = candidate("nurse", SATURDAY_AFTERNOONS, "2.50", DONGCHENG, "TCM", "FIRST_AID");
        Need twoSkills = new Need(
                List.of("TCM", "MASSAGE"), CONSULTATIONS.startsAt(), CONSULTATIONS.endsAt(), CONSULTATIONS.district());

        Suggestion suggestion = rank(List.of(nurse), 1, null, null).get(0);

        assertThat(suggestion.reasons())
                .containsExactly(
                        "has TCM",
                        "said they are available then",
                        "no clash with their other places",
                        "2.5 hours served in the last 90 days",
                        "lives in the site's district, 东城区 Dongcheng");
        assertThat(suggestion.conflict()).isNull();
        assertThat(SuggestionRanking.shortlist(List.of(nurse), twoSkills, 1).get(0))
                .satisfies(lacking -> {
                    assertThat(lacking.matchedSkills()).containsExactly("TCM");
                    assertThat(lacking.missingSkills()).containsExactly("MASSAGE");
                    assertThat(lacking.reasons()).startsWith("has TCM", "lacks MASSAGE");
                });
    }

    @Test
    void aClashIsToldBeforeTheRecentHours() {
        Candidate busy = candidate("busy", Availability.UNKNOWN, "0", "大兴区 Daxing", "TCM");

        Suggestion suggestion = rank(List.of(busy), 1, busy, "Overlaps 'Haircuts' at 西红门 Xihongmen")
                .get(0);

        assertThat(suggestion.conflict()).isEqualTo("Overlaps 'Haircuts' at 西红门 Xihongmen");
        assertThat(suggestion.reasons())
                .containsExactly(
                        "has TCM",
                        "has not said whether they are available then",
                        "Overlaps 'Haircuts' at 西红门 Xihongmen",
                        "0 hours served in the last 90 days");
        assertThat(suggestion.sameDistrict()).isFalse();
    }

    @Test
    void onlyAShortlistOfThreeForEachAskedForIsCheckedForClashesChosenByAllButClashes() {
        List<Candidate> many = List.of(
                candidate("a", SATURDAY_AFTERNOONS, "1", DONGCHENG, "TCM"),
                candidate("b", SATURDAY_AFTERNOONS, "2", DONGCHENG, "TCM"),
                candidate("c", SATURDAY_AFTERNOONS, "3", DONGCHENG, "TCM"),
                candidate("d", SATURDAY_AFTERNOONS, "0", DONGCHENG, "HAIRCUT"),
                candidate("e", Availability.UNKNOWN, "0", DONGCHENG, "TCM"));

        assertThat(SuggestionRanking.shortlist(many, CONSULTATIONS, 1))
                .extracting(Suggestion::name)
                .containsExactly("a", "b", "c");
        assertThat(SuggestionRanking.shortlist(many, CONSULTATIONS, 2)).hasSize(5);
    }

    @Test
    void theLimitIsAppliedAfterClashesAreKnown() {
        Candidate first = candidate("first", SATURDAY_AFTERNOONS, "0", DONGCHENG, "TCM");
        Candidate second = candidate("second", SATURDAY_AFTERNOONS, "1", DONGCHENG, "TCM");

        assertThat(rank(List.of(first, second), 1, first, "Overlaps 'Haircuts'"))
                .extracting(Suggestion::name)
                .containsExactly("second");
    }

    /** Ranked as the service does, with {@code clashing} (if any) found to clash as {@code conflict} says. */
    private static List<Suggestion> rank(List<Candidate> candidates, int limit, Candidate clashing, String conflict) {
        List<Suggestion> checked = SuggestionRanking.shortlist(candidates, CONSULTATIONS, limit).stream()
                .map(s -> SuggestionRanking.withConflict(
                        s,
                        clashing != null && s.volunteerId().equals(clashing.id())
                                ? Optional.of(conflict)
                                : Optional.empty()))
                .toList();
        return SuggestionRanking.best(checked, limit);
    }

    private static Candidate candidate(
            String name, Availability availability, String recentHours, String district, String... skills) {
        return new Candidate(
                UUID.randomUUID(), name, district, List.of(skills), BEIJING, availability, new BigDecimal(recentHours));
    }
}
