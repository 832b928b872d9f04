package org.caravan.volunteer.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.caravan.platform.web.ProblemException;
import org.caravan.volunteer.staffing.TravelTime.Place;
import org.caravan.volunteer.staffing.TravelTime.Stay;
import org.junit.jupiter.api.Test;

/**
 * The rules an accept decides by once it has locked the offer, without the database: an open offer, not expired,
 * clashing with none of the volunteer's places unless a coordinator overrode the clash.
 */
class WhetherAnOfferMayBeAcceptedTests {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Place SCHOOL = new Place(UUID.randomUUID(), 39.787, 116.33);
    private static final Place TEMPLE_OF_HEAVEN = new Place(UUID.randomUUID(), 39.882, 116.406);
    private static final Instant NOW = at(8, 0);

    /** The wanted item: 11:00–12:00 at the school. */
    private static final Stay WANTED = stay(SCHOOL, at(11, 0), 60);

    @Test
    void anOpenOfferClashingWithNothingMayBeAccepted() {
        Assignment offer = offer(AssignmentStatus.OFFERED, NOW.plusSeconds(60), null);

        assertThat(Staffing.mayAccept(locked(offer), NOW)).isSameAs(offer);
    }

    @Test
    void anOfferAlreadyAnsweredIsRefusedFirst() {
        Assignment declined = offer(AssignmentStatus.DECLINED, NOW.minusSeconds(60), null);

        assertThatThrownBy(() -> Staffing.mayAccept(locked(declined, held(TEMPLE_OF_HEAVEN, at(11, 0))), NOW))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.getStatusCode().value()).isEqualTo(409);
                    assertThat(problem.getBody().getTitle()).isEqualTo("Assignment is DECLINED");
                });
    }

    @Test
    void anExpiredOfferIsRefused() {
        Assignment expired = offer(AssignmentStatus.OFFERED, NOW.minusMillis(1), null);

        assertThatThrownBy(() -> Staffing.mayAccept(locked(expired), NOW))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        problem -> assertThat(problem.getBody().getTitle()).isEqualTo("Offer expired"));
    }

    @Test
    void aClashWithAHeldPlaceIsRefusedWithTheEarliestClashInWords() {
        Assignment offer = offer(AssignmentStatus.OFFERED, NOW.plusSeconds(60), null);
        DoubleBooking.Held afterLunch = held(TEMPLE_OF_HEAVEN, at(12, 30));
        DoubleBooking.Held beforeAtTheSchool = held(SCHOOL, at(10, 0));
        DoubleBooking.Held earlyEnoughToTravel = held(TEMPLE_OF_HEAVEN, at(8, 0));

        assertThatThrownBy(() ->
                        Staffing.mayAccept(locked(offer, afterLunch, beforeAtTheSchool, earlyEnoughToTravel), NOW))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.getStatusCode().value()).isEqualTo(409);
                    assertThat(problem.getBody().getTitle()).isEqualTo("Double booking");
                    assertThat(problem.getBody().getDetail())
                            .startsWith("Overlaps 'held' at site, 2026-10-17 10:00–11:30 (Asia/Shanghai)")
                            .endsWith(". Withdraw one of them first.");
                });
    }

    @Test
    void aClashACoordinatorOverrodeWhenOfferingMayBeAccepted() {
        Assignment overridden =
                offer(AssignmentStatus.OFFERED, NOW.plusSeconds(60), "the only medic who speaks Uyghur");

        assertThat(Staffing.mayAccept(locked(overridden, held(SCHOOL, at(11, 0))), NOW))
                .isSameAs(overridden);
    }

    @Test
    void theFirstClashIsTheEarliestHeldPlaceThatLeavesNoRoomForTheJourney() {
        DoubleBooking.Held late = held(TEMPLE_OF_HEAVEN, at(12, 30));
        DoubleBooking.Held fitsWithTravel = held(TEMPLE_OF_HEAVEN, at(8, 0));

        assertThat(DoubleBooking.firstClash(WANTED, List.of(late, fitsWithTravel)))
                .hasValueSatisfying(conflict -> {
                    assertThat(conflict.assignmentId()).isEqualTo(late.assignmentId());
                    assertThat(conflict.travelMinutes()).isEqualTo(60);
                });
        assertThat(DoubleBooking.firstClash(WANTED, List.of(fitsWithTravel))).isEmpty();
    }

    private static Assignments.OfferToAnswer locked(Assignment offer, DoubleBooking.Held... held) {
        return new Assignments.OfferToAnswer(offer, null, WANTED, List.of(held));
    }

    private static Assignment offer(AssignmentStatus status, Instant expiresAt, String overrideReason) {
        return new Assignment(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "medic",
                UUID.randomUUID(),
                null,
                status,
                NOW.minus(Duration.ofDays(1)),
                expiresAt,
                null,
                null,
                overrideReason,
                null,
                null,
                null);
    }

    /** A held place of ninety minutes. */
    private static DoubleBooking.Held held(Place place, Instant startsAt) {
        return new DoubleBooking.Held(UUID.randomUUID(), "held", "site", "Asia/Shanghai", stay(place, startsAt, 90));
    }

    private static Stay stay(Place place, Instant startsAt, int minutes) {
        return new Stay(startsAt, startsAt.plus(Duration.ofMinutes(minutes)), place);
    }

    private static Instant at(int hour, int minute) {
        return LocalDateTime.of(2026, 10, 17, hour, minute).atZone(BEIJING).toInstant();
    }
}
