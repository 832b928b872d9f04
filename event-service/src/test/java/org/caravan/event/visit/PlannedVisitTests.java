package org.caravan.event.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.caravan.event.visit.DemoVisit.DANDELION;
import static org.caravan.event.visit.DemoVisit.at;

import java.time.Duration;
import java.time.Instant;
import org.caravan.platform.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class PlannedVisitTests {

    private final PlannedVisit demo = DemoVisit.planned();

    @Test
    void movedADayLaterEveryItemKeepsItsPlaceRelativeToTheStart() {
        Visit nextDay = demo.visit()
                .withTimes(at(DANDELION, "2026-09-27T09:30"), at(DANDELION, "2026-09-27T11:30"), DemoVisit.UPDATED);

        assertThat(demo.programmeMovedWith(nextDay))
                .extracting(ProgrammeItem::title, ProgrammeItem::startsAt, ProgrammeItem::durationMinutes)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Recitation 《读中国》", at(DANDELION, "2026-09-27T09:30"), 40),
                        org.assertj.core.groups.Tuple.tuple(
                                "Model-worker talk", at(DANDELION, "2026-09-27T10:30"), 40));
    }

    @Test
    void aLongerVisitWithTheSameStartLeavesTheProgrammeWhereItWas() {
        Visit longer =
                demo.visit().withTimes(demo.visit().startsAt(), at(DANDELION, "2026-09-26T12:30"), Instant.EPOCH);

        assertThat(demo.programmeMovedWith(longer))
                .extracting(ProgrammeItem::startsAt)
                .containsExactly(at(DANDELION, "2026-09-26T09:30"), at(DANDELION, "2026-09-26T10:30"));
    }

    @Test
    void aShorterVisitThatWouldCutAnItemIsAConflictNamingTheItem() {
        // Ends at 11:00: the talk, 10:30 to 11:10, no longer fits.
        Visit shorter =
                demo.visit().withTimes(demo.visit().startsAt(), at(DANDELION, "2026-09-26T11:00"), Instant.EPOCH);

        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> demo.programmeMovedWith(shorter));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().getTitle()).isEqualTo("Programme does not fit");
        assertThat(refused.getBody().getDetail()).startsWith("\"Model-worker talk\" would fall outside the new times");
    }

    @Test
    void anItemMayEndExactlyWhenTheVisitEndsButNotAMinuteLater() {
        Visit visit = demo.visit();

        assertThat(visit.covers(at(DANDELION, "2026-09-26T10:50"), Duration.ofMinutes(40)))
                .isTrue();
        assertThat(visit.covers(at(DANDELION, "2026-09-26T10:51"), Duration.ofMinutes(40)))
                .isFalse();
        assertThat(visit.covers(at(DANDELION, "2026-09-26T09:29"), Duration.ofMinutes(10)))
                .isFalse();
    }

    @Test
    void theSnapshotNumbersTheProgrammeAndGivesItsTimesInTheSitesZone() {
        var snapshot = demo.snapshot();

        assertThat(snapshot.startsAt()).hasToString("2026-09-26T09:30");
        assertThat(snapshot.programme())
                .extracting(item -> item.position() + " " + item.startsAt() + " " + item.title())
                .containsExactly("1 2026-09-26T09:30 Recitation 《读中国》", "2 2026-09-26T10:30 Model-worker talk");
        assertThat(snapshot.site().timeZone()).isEqualTo("Asia/Shanghai");
    }
}
