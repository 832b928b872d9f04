package org.caravan.event.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caravan.event.visit.DemoVisit.DANDELION;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.caravan.event.site.Site;
import org.junit.jupiter.api.Test;

/** The feed as a calendar application reads it (ical4j), from visits given as plain values. */
class VisitFeedTests {

    private static final Site KASHGAR = DemoVisit.site("喀什第六中学 Kashgar No. 6 School", "Asia/Urumqi", null, null);

    @Test
    void aVisitIsAnEventAtTheSitesLocalTimeWithItsProgrammeInTheDescription() throws Exception {
        VEvent event = single(read(VisitFeed.of(List.of(DemoVisit.planned()))));

        assertThat(value(event, "DTSTART")).isEqualTo("20260926T093000");
        assertThat(event.getProperty(Property.DTSTART)
                        .orElseThrow()
                        .getParameter("TZID")
                        .orElseThrow()
                        .getValue())
                .isEqualTo("Asia/Shanghai");
        assertThat(value(event, "DTEND")).isEqualTo("20260926T113000");
        assertThat(value(event, "UID")).isEqualTo(DemoVisit.planned().visit().id() + "@caravan");
        assertThat(value(event, "SUMMARY")).isEqualTo("共谱祖国颂 Singing the motherland");
        assertThat(value(event, "LOCATION")).isEqualTo("蒲公英中学 Dandelion School, Beijing, Daxing District");
        assertThat(value(event, "DESCRIPTION"))
                .isEqualTo("志愿服务大篷车 Volunteer Service Caravan\n09:30 Recitation 《读中国》\n10:30 Model-worker talk");
        assertThat(value(event, "STATUS")).isEqualTo("CONFIRMED");
        assertThat(value(event, "GEO")).isEqualTo("39.7;116.3");
    }

    @Test
    void theVisitsVersionIsTheSequenceSoThatAChangeReplacesTheCopyACalendarHolds() throws Exception {
        VEvent event = single(read(VisitFeed.of(List.of(DemoVisit.planned()))));

        assertThat(value(event, "SEQUENCE")).isEqualTo("3");
        assertThat(value(event, "DTSTAMP")).isEqualTo("20260920T020000Z");
    }

    @Test
    void aCancelledVisitStaysInTheFeedMarkedCancelledSoSubscribersRemoveIt() throws Exception {
        PlannedVisit demo = DemoVisit.planned();
        PlannedVisit cancelled = new PlannedVisit(
                demo.visit()
                        .withStatus(VisitStatus.CANCELLED, "Typhoon warning", Instant.parse("2026-09-25T02:00:00Z")),
                demo.caravan(),
                demo.site(),
                demo.programme());

        VEvent event = single(read(VisitFeed.of(List.of(cancelled))));

        assertThat(value(event, "STATUS")).isEqualTo("CANCELLED");
        assertThat(value(event, "DTSTAMP")).isEqualTo("20260925T020000Z");
    }

    @Test
    void eachTimeZoneIsDescribedOnceAndASiteWithoutALocationHasNoGeo() throws Exception {
        PlannedVisit beijing = DemoVisit.planned();
        Visit kashgarVisit = DemoVisit.visit(KASHGAR, "2026-10-08T10:00", "2026-10-08T12:00", VisitStatus.SCHEDULED, 1);
        PlannedVisit kashgar = new PlannedVisit(kashgarVisit, DemoVisit.CARAVAN, KASHGAR, List.of());
        PlannedVisit beijingAgain = new PlannedVisit(
                DemoVisit.visit(DANDELION, "2026-10-10T09:30", "2026-10-10T11:30", VisitStatus.SCHEDULED, 1),
                DemoVisit.CARAVAN,
                DANDELION,
                List.of());

        Calendar calendar = read(VisitFeed.of(List.of(beijing, kashgar, beijingAgain)));

        assertThat(calendar.<VTimeZone>getComponents(Component.VTIMEZONE))
                .extracting(
                        zone -> zone.getProperty(Property.TZID).orElseThrow().getValue())
                .containsExactly("Asia/Shanghai", "Asia/Urumqi");
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(3);
        VEvent inKashgar = events.get(1);
        assertThat(inKashgar
                        .getProperty(Property.DTSTART)
                        .orElseThrow()
                        .getParameter("TZID")
                        .orElseThrow()
                        .getValue())
                .isEqualTo("Asia/Urumqi");
        assertThat(value(inKashgar, "DTSTART")).isEqualTo("20261008T100000");
        assertThat(inKashgar.getProperty(Property.GEO)).isEmpty();
        assertThat(value(inKashgar, "DESCRIPTION")).isEqualTo("志愿服务大篷车 Volunteer Service Caravan");
    }

    @Test
    void anEmptyListIsAnEmptyButValidCalendar() throws Exception {
        Calendar calendar = read(VisitFeed.of(List.of()));

        assertThat(calendar.getComponents()).isEmpty();
        assertThat(calendar.getProperty(Property.VERSION).orElseThrow().getValue())
                .isEqualTo("2.0");
    }

    private static Calendar read(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    private static VEvent single(Calendar calendar) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse("");
    }
}
