package org.caravan.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignUpRushTests {

    private static final Instant OPENED = Instant.parse("2026-09-28T02:00:00Z");
    private static final String KITES = "kites";
    private static final String SONGS = "songs";

    @Test
    void aLineInAnswerOrderHasNothingOutOfOrder() {
        List<SignUpRush.Answered> line = List.of(
                confirmed("a", KITES, 10),
                confirmed("b", KITES, 20),
                waiting("c", KITES, 30, 1),
                waiting("d", KITES, 40, 2),
                // Another item's line is judged on its own.
                confirmed("e", SONGS, 5),
                waiting("f", SONGS, 35, 3));

        assertThat(SignUpRush.inversions(line)).isEqualTo(new SignUpRush.Inversions(0, 0));
    }

    @Test
    void aVolunteerWaitingBehindSomeoneWhoAnsweredLaterIsCountedWithTheGap() {
        List<SignUpRush.Answered> line = List.of(
                confirmed("a", KITES, 10),
                // Answered at 50 ms but given a place before c, who answered at 30 ms and waits.
                confirmed("b", KITES, 50),
                waiting("c", KITES, 30, 1),
                waiting("d", KITES, 40, 3),
                waiting("e", KITES, 38, 4));

        assertThat(SignUpRush.inversions(line)).isEqualTo(new SignUpRush.Inversions(2, 20));
    }

    @Test
    void anAnswerPlacedBehindOneDueOnlyAfterItCameBackIsOvertaken() {
        List<OpenLoop.Attempt> attempts = List.of(
                new OpenLoop.Attempt("early", OPENED, 10, 200),
                new OpenLoop.Attempt("late", OPENED.plusMillis(20), 10, 200),
                new OpenLoop.Attempt("together", OPENED.plusMillis(25), 10, 200));
        // "late" was due after "early" had its answer, yet holds the place; "together" was in flight with "late".
        List<SignUpRush.Answered> line =
                List.of(confirmed("late", KITES, 25), waiting("together", KITES, 30, 1), waiting("early", KITES, 5, 2));

        assertThat(SignUpRush.overtaken(line, attempts)).isEqualTo(1);
        assertThat(SignUpRush.overtaken(
                        List.of(
                                confirmed("early", KITES, 5),
                                waiting("late", KITES, 25, 1),
                                waiting("together", KITES, 30, 2)),
                        attempts))
                .isZero();
    }

    @Test
    void anItemWithMoreConfirmedThanItsHeadcountIsOverfilled() {
        List<SignUpRush.Answered> recorded = List.of(
                confirmed("a", KITES, 10),
                confirmed("b", KITES, 20),
                confirmed("c", SONGS, 30),
                waiting("d", SONGS, 40, 1));

        assertThat(SignUpRush.overfilled(recorded, 1)).isEqualTo(1);
        assertThat(SignUpRush.overfilled(recorded, 2)).isZero();
    }

    @Test
    void theTimelineCountsAnswersAndNoticesUpByTheQuarterSecond() {
        List<OpenLoop.Attempt> attempts = List.of(
                new OpenLoop.Attempt("a", OPENED, 100, 200),
                new OpenLoop.Attempt("b", OPENED.plusMillis(300), 100, 200));
        Map<String, Instant> stored = Map.of("a", OPENED.plusMillis(200), "b", OPENED.plusMillis(700));

        assertThat(SignUpRush.timeline(attempts, stored, OPENED))
                .containsExactly(
                        new SignUpRush.Moment(0.25, 1, 1),
                        new SignUpRush.Moment(0.5, 2, 1),
                        new SignUpRush.Moment(0.75, 2, 2));
    }

    private static SignUpRush.Answered confirmed(String id, String item, long answeredAfterMillis) {
        return new SignUpRush.Answered(id, item, "CONFIRMED", OPENED.plusMillis(answeredAfterMillis), null);
    }

    private static SignUpRush.Answered waiting(String id, String item, long answeredAfterMillis, long order) {
        return new SignUpRush.Answered(id, item, "WAITLISTED", OPENED.plusMillis(answeredAfterMillis), order);
    }
}
