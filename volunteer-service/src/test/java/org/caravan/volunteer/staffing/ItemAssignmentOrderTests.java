package org.caravan.volunteer.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.caravan.volunteer.staffing.ItemAssignmentOrder.Standing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The order of an item's assignments on a coordinator's list. */
class ItemAssignmentOrderTests {

    private static final Instant OFFERS_SENT = Instant.parse("2026-09-20T02:00:00Z");

    @Test
    void placesComeFirstThenOpenOffersThenTheWaitlistThenWhatEnded() {
        Assignment declined = at("reciter", AssignmentStatus.DECLINED, 1, null);
        Assignment waiting = at("reciter", AssignmentStatus.WAITLISTED, 2, 7L);
        Assignment offered = at("reciter", AssignmentStatus.OFFERED, 0, null);
        Assignment checkedIn = at("reciter", AssignmentStatus.CHECKED_IN, 4, null);
        Assignment confirmed = at("reciter", AssignmentStatus.CONFIRMED, 3, null);

        assertThat(sorted(declined, waiting, offered, checkedIn, confirmed))
                .containsExactly(confirmed, checkedIn, offered, waiting, declined);
    }

    @Test
    void withinAStandingNamedRolesComeBeforeTheTeamSlot() {
        Assignment team = at("TEAM", AssignmentStatus.CONFIRMED, 1, null);
        Assignment singer = at("singer", AssignmentStatus.CONFIRMED, 3, null);
        Assignment accompanist = at("accompanist", AssignmentStatus.CONFIRMED, 2, null);

        assertThat(sorted(team, singer, accompanist)).containsExactly(accompanist, singer, team);
    }

    @Test
    void theWaitlistKeepsItsOrderWhoeverAnsweredWhen() {
        Assignment third = at("reciter", AssignmentStatus.WAITLISTED, 1, 30L);
        Assignment first = at("reciter", AssignmentStatus.WAITLISTED, 3, 10L);
        Assignment second = at("reciter", AssignmentStatus.WAITLISTED, 2, 20L);

        assertThat(sorted(third, first, second)).containsExactly(first, second, third);
    }

    @Test
    void placesAreListedInTheOrderTheyWereTakenAndOffersInTheOrderTheyWereMade() {
        Assignment laterPlace = at("reciter", AssignmentStatus.CHECKED_OUT, 5, null);
        Assignment earlierPlace = at("reciter", AssignmentStatus.NO_SHOW, 2, null);
        Assignment laterOffer = offeredAfter("reciter", Duration.ofHours(3));
        Assignment earlierOffer = offeredAfter("reciter", Duration.ofHours(1));

        assertThat(sorted(laterOffer, laterPlace, earlierOffer, earlierPlace))
                .containsExactly(earlierPlace, laterPlace, earlierOffer, laterOffer);
    }

    @Test
    void theSameAssignmentsAlwaysComeInTheSameOrder() {
        Instant same = OFFERS_SENT.plus(Duration.ofHours(1));
        List<Assignment> ties = List.of(
                assignment(UUID.fromString("00000000-0000-4000-8000-000000000002"), same),
                assignment(UUID.fromString("00000000-0000-4000-8000-000000000001"), same));

        assertThat(ItemAssignmentOrder.sorted(ties, Function.identity()))
                .isEqualTo(ItemAssignmentOrder.sorted(List.of(ties.get(1), ties.get(0)), Function.identity()))
                .extracting(Assignment::id)
                .extracting(UUID::toString)
                .containsExactly("00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002");
    }

    @ParameterizedTest
    @EnumSource(AssignmentStatus.class)
    void everyStatusHasItsStanding(AssignmentStatus status) {
        Standing standing = ItemAssignmentOrder.standing(status);
        assertThat(standing).isNotNull();
        // Only what holds or held a place can still be on the list of those who came.
        assertThat(standing == Standing.PLACE)
                .isEqualTo(Arrays.asList(
                                AssignmentStatus.CONFIRMED,
                                AssignmentStatus.CHECKED_IN,
                                AssignmentStatus.CHECKED_OUT,
                                AssignmentStatus.NO_SHOW)
                        .contains(status));
    }

    private static List<Assignment> sorted(Assignment... assignments) {
        return ItemAssignmentOrder.sorted(List.of(assignments), Function.identity());
    }

    /** Offered when the offers were sent and answered {@code answeredHoursLater} (0: not answered). */
    private static Assignment at(String role, AssignmentStatus status, int answeredHoursLater, Long waitlistOrder) {
        Instant answered = answeredHoursLater == 0 ? null : OFFERS_SENT.plus(Duration.ofHours(answeredHoursLater));
        return new Assignment(
                UUID.randomUUID(),
                UUID.randomUUID(),
                role,
                UUID.randomUUID(),
                null,
                status,
                OFFERS_SENT,
                OFFERS_SENT.plus(Duration.ofDays(2)),
                answered,
                waitlistOrder,
                null,
                null,
                null,
                null);
    }

    private static Assignment offeredAfter(String role, Duration after) {
        Instant offered = OFFERS_SENT.plus(after);
        return new Assignment(
                UUID.randomUUID(),
                UUID.randomUUID(),
                role,
                UUID.randomUUID(),
                null,
                AssignmentStatus.OFFERED,
                offered,
                offered.plus(Duration.ofDays(2)),
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static Assignment assignment(UUID id, Instant answered) {
        return new Assignment(
                id,
                UUID.randomUUID(),
                "reciter",
                UUID.randomUUID(),
                null,
                AssignmentStatus.CONFIRMED,
                OFFERS_SENT,
                OFFERS_SENT.plus(Duration.ofDays(2)),
                answered,
                null,
                null,
                null,
                null,
                null);
    }
}
