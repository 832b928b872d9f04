package org.caravan.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignUpRushTests {

    private static final String KITES = "kites";

    @Test
    void answersInFlightTogetherMayBePlacedEitherWay() {
        Map<String, SignUpRush.Answer> answers = Map.of(
                "a", answer("a", 10, 50),
                "b", answer("b", 5, 60),
                "c", answer("c", 20, 40));
        List<SignUpRush.Recorded> line = List.of(confirmed("a"), waiting("b", 1), waiting("c", 2));

        assertThat(SignUpRush.overtaken(line, answers)).isEmpty();
    }

    @Test
    void aPlaceGivenToAnAnswerSentAfterAnotherWasAnsweredIsOvertaking() {
        Map<String, SignUpRush.Answer> answers = Map.of(
                "early", answer("early", 0, 10),
                "late", answer("late", 20, 30));
        List<SignUpRush.Recorded> line = List.of(confirmed("late"), waiting("early", 1));

        assertThat(SignUpRush.overtaken(line, answers)).containsExactly(new SignUpRush.Overtaken("early", "late"));
    }

    @Test
    void aWaitlistAheadOfAnAnswerThatCameBackBeforeItWasSentIsOvertaking() {
        Map<String, SignUpRush.Answer> answers = Map.of(
                "first", answer("first", 0, 10),
                "second", answer("second", 20, 30),
                "third", answer("third", 40, 50));
        List<SignUpRush.Recorded> inOrder = List.of(waiting("first", 1), waiting("second", 2), waiting("third", 3));
        List<SignUpRush.Recorded> swapped = List.of(waiting("first", 1), waiting("third", 2), waiting("second", 3));

        assertThat(SignUpRush.overtaken(inOrder, answers)).isEmpty();
        assertThat(SignUpRush.overtaken(swapped, answers)).containsExactly(new SignUpRush.Overtaken("second", "third"));
    }

    private static SignUpRush.Answer answer(String id, long sent, long answered) {
        return new SignUpRush.Answer(id, 200, "{}", sent, answered);
    }

    private static SignUpRush.Recorded confirmed(String id) {
        return new SignUpRush.Recorded(id, KITES, "CONFIRMED", null);
    }

    private static SignUpRush.Recorded waiting(String id, long order) {
        return new SignUpRush.Recorded(id, KITES, "WAITLISTED", order);
    }
}
