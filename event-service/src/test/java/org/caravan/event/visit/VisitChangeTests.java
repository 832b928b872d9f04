package org.caravan.event.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VisitChangeTests {

    @Test
    void aDraftIsEditedScheduledRescheduledReplannedOrCancelled() {
        assertThat(allowedFrom(VisitStatus.DRAFT))
                .containsExactlyInAnyOrder(
                        VisitChange.EDIT,
                        VisitChange.SCHEDULE,
                        VisitChange.RESCHEDULE,
                        VisitChange.REPLAN_PROGRAMME,
                        VisitChange.CANCEL);
    }

    @Test
    void aScheduledVisitStartsMovesIsReplannedOrCancelledButIsNoLongerEditedAsADraft() {
        assertThat(allowedFrom(VisitStatus.SCHEDULED))
                .containsExactlyInAnyOrder(
                        VisitChange.START, VisitChange.RESCHEDULE, VisitChange.REPLAN_PROGRAMME, VisitChange.CANCEL);
    }

    @Test
    void aVisitUnderWayCanOnlyBeCompleted() {
        assertThat(allowedFrom(VisitStatus.IN_PROGRESS)).containsExactly(VisitChange.COMPLETE);
    }

    @Test
    void completedAndCancelledVisitsAreHistoryAndChangeNoMore() {
        assertThat(allowedFrom(VisitStatus.COMPLETED)).isEmpty();
        assertThat(allowedFrom(VisitStatus.CANCELLED)).isEmpty();
    }

    @Test
    void theLifecycleStepsLeadForwardAndTheEditsKeepTheStatus() {
        Map<VisitChange, VisitStatus> steps = new EnumMap<>(VisitChange.class);
        for (VisitChange change : VisitChange.values()) {
            change.leadsTo().ifPresent(to -> steps.put(change, to));
        }
        assertThat(steps)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        VisitChange.SCHEDULE, VisitStatus.SCHEDULED,
                        VisitChange.START, VisitStatus.IN_PROGRESS,
                        VisitChange.COMPLETE, VisitStatus.COMPLETED,
                        VisitChange.CANCEL, VisitStatus.CANCELLED));
        for (Map.Entry<VisitChange, VisitStatus> step : steps.entrySet()) {
            assertThat(step.getKey().allowedFrom(step.getValue()))
                    .as("%s cannot be repeated on the visit it made", step.getKey())
                    .isFalse();
        }
    }

    @Test
    void theStatesAChangeNeedsAreNamedInTheLifecyclesOrder() {
        assertThat(VisitChange.CANCEL.allowedFrom()).containsExactly(VisitStatus.DRAFT, VisitStatus.SCHEDULED);
        assertThat(VisitChange.CANCEL.allowedFrom()).hasToString("[DRAFT, SCHEDULED]");
    }

    private static Set<VisitChange> allowedFrom(VisitStatus status) {
        return Arrays.stream(VisitChange.values())
                .filter(change -> change.allowedFrom(status))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(VisitChange.class)));
    }
}
