package org.caravan.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DemoScenarioTests {

    @Test
    void theLocalRunsDemoVisitIsOnTheFirstSaturdayAtLeastAWeekAway() {
        assertThat(DemoScenario.upcomingDay(LocalDate.parse("2026-11-25"))).isEqualTo("2026-12-05");
        assertThat(DemoScenario.upcomingDay(LocalDate.parse("2026-11-28"))).isEqualTo("2026-12-05");
        assertThat(DemoScenario.upcomingDay(LocalDate.parse("2026-11-29"))).isEqualTo("2026-12-12");
    }

    @Test
    void theFixtureKeepsTheDayOfTheVisitInTheArticle() {
        assertThat(DemoScenario.fixtureDay()).isEqualTo("2026-09-26");
    }
}
