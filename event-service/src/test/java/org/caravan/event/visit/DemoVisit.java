package org.caravan.event.visit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.caravan.contracts.visit.StaffingNeed;
import org.caravan.event.caravan.Caravan;
import org.caravan.event.site.Site;
import org.caravan.event.site.SiteKind;

/**
 * The demo visit as plain values, for tests of rules that need no database: the caravan at Dandelion School in
 * Beijing on 26 September 2026, 09:30 to 11:30, with a recitation and a model-worker talk.
 */
final class DemoVisit {

    static final Instant UPDATED = Instant.parse("2026-09-20T02:00:00Z");
    static final Caravan CARAVAN = new Caravan(
            UUID.fromString("00000000-0000-0000-0000-0000000000ca"),
            "志愿服务大篷车 Volunteer Service Caravan",
            null,
            UPDATED);
    static final Site DANDELION = site("蒲公英中学 Dandelion School", "Asia/Shanghai", 39.7, 116.3);

    private DemoVisit() {}

    static Site site(String name, String timeZone, Double lat, Double lon) {
        return new Site(
                UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                name,
                SiteKind.SCHOOL,
                "大兴区",
                "Beijing, Daxing District",
                timeZone,
                lat,
                lon,
                null,
                null,
                null,
                UPDATED,
                1L);
    }

    /** The visit at {@code site}, in that site's own local time. */
    static Visit visit(Site site, String startsAt, String endsAt, VisitStatus status, long version) {
        return new Visit(
                UUID.nameUUIDFromBytes((site.name() + startsAt).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                CARAVAN.id(),
                site.id(),
                "共谱祖国颂 Singing the motherland",
                at(site, startsAt),
                at(site, endsAt),
                200,
                status,
                null,
                "coordinator",
                UPDATED,
                UPDATED,
                version);
    }

    static ProgrammeItem item(Visit visit, Site site, String title, String startsAt, int minutes) {
        return new ProgrammeItem(
                UUID.nameUUIDFromBytes(title.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                visit.id(),
                title,
                ProgrammeItemKind.PERFORMANCE,
                at(site, startsAt),
                minutes,
                ProgrammeItem.needsJson(List.of(new StaffingNeed("speaker", List.of(), 1))),
                0,
                UPDATED);
    }

    /** The demo: scheduled, version 3, with its two programme items. */
    static PlannedVisit planned() {
        Visit visit = visit(DANDELION, "2026-09-26T09:30", "2026-09-26T11:30", VisitStatus.SCHEDULED, 3);
        return new PlannedVisit(
                visit,
                CARAVAN,
                DANDELION,
                List.of(
                        item(visit, DANDELION, "Recitation 《读中国》", "2026-09-26T09:30", 40),
                        item(visit, DANDELION, "Model-worker talk", "2026-09-26T10:30", 40)));
    }

    static Instant at(Site site, String local) {
        return LocalDateTime.parse(local).atZone(site.zone()).toInstant();
    }
}
