package org.caravan.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ICalendarTests {

    private static final List<LocalDateTime> THROUGH_THE_YEAR = List.of(
            LocalDateTime.of(2026, 1, 15, 9, 30),
            LocalDateTime.of(2026, 3, 30, 9, 30),
            LocalDateTime.of(2026, 7, 15, 9, 30),
            LocalDateTime.of(2026, 10, 30, 9, 30),
            LocalDateTime.of(2026, 12, 24, 9, 30));

    @ParameterizedTest
    @ValueSource(strings = {"Asia/Shanghai", "Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata"})
    void aCalendarApplicationReadsLocalTimesAsTheSameInstantsAsJava(String zoneName) throws Exception {
        ZoneId zone = ZoneId.of(zoneName);
        ICalendar ics = ICalendar.published("-//test//EN", "Test visits", List.of(zone));
        for (int i = 0; i < THROUGH_THE_YEAR.size(); i++) {
            ics.line("BEGIN", "VEVENT")
                    .line("UID", "visit-" + i)
                    .line("DTSTAMP", "20260101T000000Z")
                    .line("DTSTART;TZID=" + zoneName, ICalendar.LOCAL.format(THROUGH_THE_YEAR.get(i)))
                    .line("END", "VEVENT");
        }
        String text = ics.end();

        List<VEvent> events =
                new CalendarBuilder().build(new StringReader(text)).getComponents(Component.VEVENT);

        for (int i = 0; i < THROUGH_THE_YEAR.size(); i++) {
            Temporal start = ((DateProperty<?>)
                            events.get(i).getProperty(Property.DTSTART).orElseThrow())
                    .getDate();
            assertThat(Instant.from(start))
                    .as("%s in %s", THROUGH_THE_YEAR.get(i), zoneName)
                    .isEqualTo(THROUGH_THE_YEAR.get(i).atZone(zone).toInstant());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"共谱祖国颂，工筑少年梦 Singing the motherland together, workers building the dreams of youth; a long theme"
            })
    void longTextIsEscapedAndFoldedWithoutBreakingCharacters(String theme) throws Exception {
        String text = new ICalendar()
                .line("BEGIN", "VCALENDAR")
                .line("VERSION", "2.0")
                .line("PRODID", "-//test//EN")
                .line("BEGIN", "VEVENT")
                .line("UID", "x")
                .line("DTSTAMP", "20260101T000000Z")
                .text("SUMMARY", theme)
                .line("END", "VEVENT")
                .line("END", "VCALENDAR")
                .toString();

        assertThat(text.lines()).allMatch(line -> line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75);
        VEvent event = (VEvent) new CalendarBuilder()
                .build(new StringReader(text))
                .getComponents(Component.VEVENT)
                .get(0);
        assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue()).isEqualTo(theme);
    }

    @Test
    void aPublishedCalendarNamesItselfForSubscribersAndDescribesEachZoneOnce() throws Exception {
        ZoneId beijing = ZoneId.of("Asia/Shanghai");
        ZoneId berlin = ZoneId.of("Europe/Berlin");

        Calendar calendar = new CalendarBuilder()
                .build(new StringReader(
                        ICalendar.published("-//Caravan//test//EN", "Caravan visits", List.of(beijing, berlin, beijing))
                                .end()));

        assertThat(calendar.getProperty(Property.PRODID).orElseThrow().getValue())
                .isEqualTo("-//Caravan//test//EN");
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue())
                .isEqualTo("PUBLISH");
        assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue())
                .isEqualTo("Caravan visits");
        assertThat(calendar.<VTimeZone>getComponents(Component.VTIMEZONE))
                .extracting(
                        zone -> zone.getProperty(Property.TZID).orElseThrow().getValue())
                .containsExactly("Asia/Shanghai", "Europe/Berlin");
    }

    @Test
    void aStampIsTheMomentInUtc() {
        assertThat(ICalendar.UTC.format(Instant.parse("2026-09-26T01:30:00Z"))).isEqualTo("20260926T013000Z");
    }
}
