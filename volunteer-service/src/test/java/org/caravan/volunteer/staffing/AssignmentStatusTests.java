package org.caravan.volunteer.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caravan.volunteer.staffing.AssignmentStatus.CANCELLED_BY_VISIT;
import static org.caravan.volunteer.staffing.AssignmentStatus.CHECKED_IN;
import static org.caravan.volunteer.staffing.AssignmentStatus.CHECKED_OUT;
import static org.caravan.volunteer.staffing.AssignmentStatus.CONFIRMED;
import static org.caravan.volunteer.staffing.AssignmentStatus.DECLINED;
import static org.caravan.volunteer.staffing.AssignmentStatus.EXPIRED;
import static org.caravan.volunteer.staffing.AssignmentStatus.NO_SHOW;
import static org.caravan.volunteer.staffing.AssignmentStatus.OFFERED;
import static org.caravan.volunteer.staffing.AssignmentStatus.RELEASED;
import static org.caravan.volunteer.staffing.AssignmentStatus.WAITLISTED;
import static org.caravan.volunteer.staffing.AssignmentStatus.WITHDRAWN;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.UUID;
import org.caravan.platform.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The transition table: which answer, sweep or visit change may move an assignment on, and from where. */
class AssignmentStatusTests {

    @Test
    void anOfferIsAnsweredExpiresOrEndsWithItsVisitOrItem() {
        assertThat(next(OFFERED))
                .containsExactlyInAnyOrder(CONFIRMED, WAITLISTED, DECLINED, EXPIRED, CANCELLED_BY_VISIT, RELEASED);
    }

    @Test
    void someoneWaitingIsOfferedTheFreedPlaceNeverConfirmedStraightAway() {
        assertThat(next(WAITLISTED)).containsExactlyInAnyOrder(OFFERED, WITHDRAWN, CANCELLED_BY_VISIT, RELEASED);
        assertThat(AssignmentStatus.thatMayBecome(OFFERED)).containsExactly(WAITLISTED);
    }

    @Test
    void aConfirmedPlaceIsAttendedMissedOrGivenUp() {
        assertThat(next(CONFIRMED))
                .containsExactlyInAnyOrder(CHECKED_IN, NO_SHOW, WITHDRAWN, CANCELLED_BY_VISIT, RELEASED);
        assertThat(CONFIRMED.mayBecome(DECLINED)).isFalse();
    }

    @Test
    void whoHasComeOnlyChecksOutEvenIfTheVisitIsCancelledMeanwhile() {
        assertThat(next(CHECKED_IN)).containsExactly(CHECKED_OUT);
    }

    @ParameterizedTest
    @EnumSource(
            names = {"DECLINED", "WITHDRAWN", "EXPIRED", "CANCELLED_BY_VISIT", "RELEASED", "CHECKED_OUT", "NO_SHOW"})
    void endingsAreFinal(AssignmentStatus ended) {
        assertThat(next(ended)).isEmpty();
    }

    @Test
    void whatACancelledVisitEndsIsWhatMayBeLiveOncePerPersonAndRole() {
        // The same three statuses as the partial unique index assignment_one_live_per_person.
        assertThat(AssignmentStatus.thatMayBecome(CANCELLED_BY_VISIT))
                .containsExactlyInAnyOrder(OFFERED, CONFIRMED, WAITLISTED);
        assertThat(AssignmentStatus.thatMayBecome(RELEASED))
                .isEqualTo(AssignmentStatus.thatMayBecome(CANCELLED_BY_VISIT));
        assertThat(AssignmentStatus.thatMayBecome(EXPIRED)).containsExactly(OFFERED);
    }

    @Test
    void sweepsSelectTheirRowsByLiteralStatuses() {
        assertThat(AssignmentStatus.sqlThatMayBecome(EXPIRED)).isEqualTo("('OFFERED')");
        assertThat(AssignmentStatus.sqlThatMayBecome(RELEASED)).isEqualTo("('OFFERED', 'CONFIRMED', 'WAITLISTED')");
    }

    @Test
    void aRefusedChangeNamesTheStatusAsItIsAndTheRuleBroken() {
        assertThatThrownBy(() -> Assignments.allowed(assignment(CHECKED_OUT), CHECKED_IN))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.getBody().getTitle()).isEqualTo("Assignment is CHECKED_OUT");
                    assertThat(problem.getBody().getDetail()).isEqualTo("Only a confirmed place can be checked in");
                    assertThat(problem.getStatusCode().value()).isEqualTo(409);
                });
        assertThatThrownBy(() -> Assignments.allowed(assignment(OFFERED), WITHDRAWN))
                .hasMessageContaining("an offer is declined");
        assertThat(Assignments.allowed(assignment(WAITLISTED), WITHDRAWN).status())
                .isEqualTo(WAITLISTED);
    }

    @Test
    void everyChangeACallerAsksForHasARuleToBeRefusedWith() {
        for (AssignmentStatus asked :
                EnumSet.of(CONFIRMED, WAITLISTED, DECLINED, WITHDRAWN, CHECKED_IN, CHECKED_OUT, NO_SHOW)) {
            assertThatThrownBy(() -> Assignments.allowed(assignment(EXPIRED), asked))
                    .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(
                                    problem.getBody().getDetail())
                            .as(asked.name())
                            .startsWith("Only "));
        }
    }

    private static EnumSet<AssignmentStatus> next(AssignmentStatus from) {
        EnumSet<AssignmentStatus> next = EnumSet.noneOf(AssignmentStatus.class);
        Arrays.stream(AssignmentStatus.values()).filter(from::mayBecome).forEach(next::add);
        return next;
    }

    private static Assignment assignment(AssignmentStatus status) {
        Instant offered = Instant.parse("2026-10-01T02:00:00Z");
        return new Assignment(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "reciter",
                UUID.randomUUID(),
                null,
                status,
                offered,
                offered.plusSeconds(48 * 3600),
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
