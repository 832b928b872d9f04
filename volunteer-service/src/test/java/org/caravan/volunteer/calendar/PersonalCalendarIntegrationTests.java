package org.caravan.volunteer.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.volunteer.VolunteerServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

class PersonalCalendarIntegrationTests extends VolunteerServiceIntegrationTest {

    private static final LocalDateTime MID_AUTUMN = LocalDateTime.of(2026, 9, 25, 15, 0);

    @Test
    void aCalendarAppReadsTheVolunteersConfirmedPlacesThroughTheirPersonalLink() throws Exception {
        String subject = "baker-" + UUID.randomUUID();
        String volunteer = registerVolunteer(subject, "BAKING");
        VisitSnapshot mooncakes =
                scheduledVisitAt(site("月饼工坊 Mooncake workshop", 39.9, 116.3), MID_AUTUMN, 90, "baking", 3);
        VisitSnapshot declined = scheduledVisitAt(site("Bakery", 39.9, 116.3), MID_AUTUMN.plusDays(1), 90, "baking", 3);
        String confirmed = body(offer(onlyItem(mooncakes), "baking", volunteer)
                        .expectStatus()
                        .isCreated())
                .path("id")
                .asString();
        answer(confirmed, "accept", subject).expectStatus().isOk();
        String refused = body(offer(onlyItem(declined), "baking", volunteer)
                        .expectStatus()
                        .isCreated())
                .path("id")
                .asString();
        answer(refused, "decline", subject).expectStatus().isOk();

        String link = issueLink(subject);
        String ics = feed(link)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        VEvent place = events.get(0);
        assertThat(place.getProperty(Property.UID).orElseThrow().getValue()).startsWith(confirmed);
        assertThat(place.getProperty(Property.SUMMARY).orElseThrow().getValue()).contains("baking");
        assertThat(ZonedDateTime.from(place.getDateTimeStart().getDate()).toInstant())
                .isEqualTo(MID_AUTUMN.atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }

    @Test
    void aNewLinkOrARevocationEndsTheOldLinkAndNoLinkReadsNothing() {
        String subject = "baker-" + UUID.randomUUID();
        registerVolunteer(subject, "BAKING");
        String first = issueLink(subject);
        String second = issueLink(subject);

        feed(first).expectStatus().isNotFound();
        feed(second).expectStatus().isOk();
        http.delete()
                .uri("/api/volunteers/me/calendar-token")
                .headers(h -> h.setBearerAuth(volunteerToken(subject)))
                .exchange()
                .expectStatus()
                .isNoContent();
        feed(second).expectStatus().isNotFound();
        http.get()
                .uri("/api/volunteers/me/calendar.ics")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private String issueLink(String subject) {
        return body(post(volunteerToken(subject), "/api/volunteers/me/calendar-token", Map.of())
                        .expectStatus()
                        .isCreated())
                .path("url")
                .asString();
    }

    /** As a calendar app fetches it: no bearer token, only the link. */
    private WebTestClient.ResponseSpec feed(String link) {
        return http.get().uri(link).exchange();
    }
}
