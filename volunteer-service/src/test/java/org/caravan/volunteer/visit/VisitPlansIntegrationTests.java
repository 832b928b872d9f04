package org.caravan.volunteer.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.visit.ProgrammeChange;
import org.caravan.contracts.visit.ProgrammeChanged;
import org.caravan.contracts.visit.ProgrammeItemSnapshot;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.volunteer.VolunteerServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/** volunteer-service knows visits only from event-service's events, and the newest version wins. */
class VisitPlansIntegrationTests extends VolunteerServiceIntegrationTest {

    @Autowired
    DatabaseClient database;

    @Test
    void aScheduledVisitBringsItsItemsStaffingNeedsAndTeamSlots() {
        VisitSnapshot visit = newVisit(3);

        publishScheduled(visit);

        List<JsonNode> lines = awaitStaffing(visit.visitId(), 4);
        assertThat(lines)
                .extracting(line -> line.path("role").asString() + " "
                        + line.path("needed").asInt() + " " + line.path("gaps").asInt())
                .containsExactly("reciter 6 6", "TEAM 1 1", "singer 12 12", "TEAM 1 1");
    }

    @Test
    void aRemovedItemLeavesTheReadModelAndAnOlderEventChangesNothing() {
        VisitSnapshot visit = newVisit(3);
        publishScheduled(visit);
        awaitStaffing(visit.visitId(), 4);
        List<ProgrammeItemSnapshot> firstOnly = visit.programme().subList(0, 1);
        VisitSnapshot shorter = withProgramme(visit, firstOnly, 4);

        publish(
                EventCatalog.PROGRAMME_CHANGED,
                new ProgrammeChanged(
                        shorter, visit.programme().get(1).itemId(), ProgrammeChange.REMOVED, "coordinator-li", now()));
        awaitStaffing(visit.visitId(), 2);
        UUID stale = publishScheduled(visit);

        await().atMost(Duration.ofSeconds(30)).until(() -> processed(stale));
        assertThat(staffing(visit.visitId())).hasSize(2);
    }

    private boolean processed(UUID eventId) {
        return database.sql("select count(*) from processed_event where event_id = :id")
                        .bind("id", eventId)
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block()
                == 1;
    }
}
