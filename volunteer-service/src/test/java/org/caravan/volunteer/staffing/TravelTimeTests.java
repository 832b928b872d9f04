package org.caravan.volunteer.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.caravan.volunteer.staffing.TravelTime.Place;
import org.caravan.volunteer.staffing.TravelTime.Stay;
import org.junit.jupiter.api.Test;

/** Whether one volunteer can serve at two items: the time between them must leave room for the journey. */
class TravelTimeTests {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** Dandelion School in Daxing and the Temple of Heaven: about 12.5 km apart, an hour with parking. */
    private static final Place DANDELION_SCHOOL = new Place(UUID.randomUUID(), 39.787, 116.33);

    private static final Place TEMPLE_OF_HEAVEN = new Place(UUID.randomUUID(), 39.882, 116.406);

    private static final Place UNKNOWN_YARD = new Place(UUID.randomUUID(), null, null);

    private static final Place ANOTHER_UNKNOWN_YARD = new Place(UUID.randomUUID(), null, null);

    @Test
    void betweenTwoSitesTheRoadIsLongerThanTheStraightLineAndParkingTakesAQuarterOfAnHour() {
        assertThat(TravelTime.kilometres(DANDELION_SCHOOL, TEMPLE_OF_HEAVEN)).isBetween(12.0, 13.0);
        assertThat(TravelTime.between(DANDELION_SCHOOL, TEMPLE_OF_HEAVEN)).isEqualTo(Duration.ofMinutes(60));
        assertThat(TravelTime.between(TEMPLE_OF_HEAVEN, DANDELION_SCHOOL)).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void journeysAreRoundedUpToFiveMinutes() {
        Place nextDoor = new Place(UUID.randomUUID(), 39.788, 116.33);

        assertThat(TravelTime.between(DANDELION_SCHOOL, nextDoor)).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void withinOneSiteThereIsNoJourneyEvenWithoutCoordinates() {
        assertThat(TravelTime.between(UNKNOWN_YARD, new Place(UNKNOWN_YARD.siteId(), null, null)))
                .isZero();
        assertThat(TravelTime.between(DANDELION_SCHOOL, DANDELION_SCHOOL)).isZero();
    }

    @Test
    void withoutCoordinatesFortyFiveMinutesAreAllowed() {
        assertThat(TravelTime.between(UNKNOWN_YARD, ANOTHER_UNKNOWN_YARD)).isEqualTo(TravelTime.WHEN_UNKNOWN);
        assertThat(TravelTime.between(UNKNOWN_YARD, TEMPLE_OF_HEAVEN)).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void anItemStartingBeforeTheJourneyCouldEndClashesWithTheTravelTimeToldAsWhy() {
        Stay morning = stay(DANDELION_SCHOOL, at(9, 30), 60);

        assertThat(stay(TEMPLE_OF_HEAVEN, at(11, 10), 60).clashWith(morning)).contains(Duration.ofMinutes(60));
        assertThat(morning.clashWith(stay(TEMPLE_OF_HEAVEN, at(11, 10), 60))).contains(Duration.ofMinutes(60));
    }

    @Test
    void anItemStartingOnceTheJourneyIsDoneDoesNotClash() {
        Stay morning = stay(DANDELION_SCHOOL, at(9, 30), 60);

        assertThat(stay(TEMPLE_OF_HEAVEN, at(11, 30), 60).clashWith(morning)).isEmpty();
        assertThat(stay(TEMPLE_OF_HEAVEN, at(11, 35), 60).clashWith(morning)).isEmpty();
        assertThat(stay(TEMPLE_OF_HEAVEN, at(7, 30), 60).clashWith(morning)).isEmpty();
        assertThat(stay(TEMPLE_OF_HEAVEN, at(7, 31), 60).clashWith(morning)).isPresent();
    }

    @Test
    void betweenUnknownSitesTheFortyFiveMinutesDecide() {
        Stay morning = stay(UNKNOWN_YARD, at(9, 30), 60);

        assertThat(stay(ANOTHER_UNKNOWN_YARD, at(11, 10), 30).clashWith(morning))
                .contains(Duration.ofMinutes(45));
        assertThat(stay(ANOTHER_UNKNOWN_YARD, at(11, 16), 30).clashWith(morning))
                .isEmpty();
    }

    @Test
    void backToBackItemsAtOneSiteDoNotClashButOverlappingOnesDo() {
        Stay morning = stay(DANDELION_SCHOOL, at(9, 30), 60);

        assertThat(stay(DANDELION_SCHOOL, at(10, 30), 60).clashWith(morning)).isEmpty();
        assertThat(stay(DANDELION_SCHOOL, at(10, 29), 60).clashWith(morning)).contains(Duration.ZERO);
    }

    @Test
    void aClashIsDescribedInTheSitesTimeForTheCoordinator() {
        DoubleBooking.Conflict conflict = new DoubleBooking.Conflict(
                UUID.randomUUID(),
                "medic at 蒲公英中学 Dandelion School",
                "蒲公英中学 Dandelion School",
                at(9, 30),
                at(10, 30),
                60,
                "Asia/Shanghai");

        assertThat(conflict.describe())
                .isEqualTo("Overlaps 'medic at 蒲公英中学 Dandelion School' at 蒲公英中学 Dandelion School,"
                        + " 2026-10-17 09:30–10:30 (Asia/Shanghai), with 60 minutes of travel between the sites");
        assertThat(conflict.asProblemMember()).containsEntry("travelMinutes", 60L);
    }

    @Test
    void aClashAtTheSameSiteDoesNotMentionTravel() {
        DoubleBooking.Conflict conflict = new DoubleBooking.Conflict(
                UUID.randomUUID(), "Haircuts", "西红门 Xihongmen", at(9, 30), at(10, 30), 0, "Asia/Shanghai");

        assertThat(conflict.describe()).endsWith("09:30–10:30 (Asia/Shanghai)");
    }

    private static Stay stay(Place place, Instant startsAt, int minutes) {
        return new Stay(startsAt, startsAt.plus(Duration.ofMinutes(minutes)), place);
    }

    private static Instant at(int hour, int minute) {
        return LocalDateTime.of(2026, 10, 17, hour, minute).atZone(BEIJING).toInstant();
    }
}
