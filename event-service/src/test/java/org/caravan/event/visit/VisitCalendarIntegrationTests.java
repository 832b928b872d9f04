package org.caravan.event.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.caravan.event.EventServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/** The feed is read back by ical4j, as a calendar application would read it. */
class VisitCalendarIntegrationTests extends EventServiceIntegrationTest {

    @Test
    void scheduledVisitsAppearAtTheirSiteLocalTimesAndCancelledOnesAreMarked() throws Exception {
        JsonNode scheduled = scheduledVisit();
        JsonNode cancelled = body(action(scheduledVisit(), "cancel", Map.of("reason", "Closed"))
                .expectStatus()
                .isOk());
        JsonNode draft = draftVisit();

        Calendar calendar = new CalendarBuilder().build(new StringReader(feed()));
        List<VEvent> events = calendar.getComponents(Component.VEVENT);

        VEvent visit = eventFor(events, scheduled);
        DateProperty<?> dtStart =
                (DateProperty<?>) visit.getProperty(Property.DTSTART).orElseThrow();
        assertThat(dtStart.getParameter(Parameter.TZID).map(Parameter::getValue))
                .contains("Asia/Shanghai");
        assertThat(dtStart.getValue()).isEqualTo("20260926T093000");
        // ical4j resolves the local time through the feed's own VTIMEZONE: 09:30 in Beijing is 01:30 UTC.
        Temporal start = dtStart.getDate();
        assertThat(start).isInstanceOf(ZonedDateTime.class);
        assertThat(Instant.from(start)).isEqualTo(Instant.parse("2026-09-26T01:30:00Z"));
        assertThat(text(visit, Property.SUMMARY)).startsWith("共谱祖国颂");
        assertThat(text(visit, Property.LOCATION)).contains("Dandelion School");
        assertThat(text(visit, Property.DESCRIPTION))
                .contains("09:30 Recitation", "11:20 Students give paintings in return");
        assertThat(text(visit, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(text(eventFor(events, cancelled), Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(events).noneMatch(e -> text(e, Property.UID)
                .startsWith(draft.path("id").asString()));
        assertThat(calendar.getComponents(Component.VTIMEZONE)).isNotEmpty();
    }

    private String feed() {
        return sendAs(volunteer(), HttpMethod.GET, "/api/visits.ics?from=2026-09-26&to=2026-09-27", null, null)
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/calendar")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private static VEvent eventFor(List<VEvent> events, JsonNode visit) {
        return events.stream()
                .filter(e -> text(e, Property.UID).equals(visit.path("id").asString() + "@caravan"))
                .findFirst()
                .orElseThrow();
    }

    private static String text(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse("");
    }
}
