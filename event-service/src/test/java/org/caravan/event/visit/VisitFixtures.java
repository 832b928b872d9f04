package org.caravan.event.visit;

import java.util.Map;

/** Visits from the demo scenario: the caravan's stop at Dandelion School, Daxing, Beijing. */
final class VisitFixtures {

    private VisitFixtures() {}

    static Map<String, Object> dandelionSchoolVisit() {
        return Map.of(
                "title", "共谱祖国颂，工筑少年梦",
                "siteName", "蒲公英中学 Dandelion School",
                "startsAt", "2026-09-26T09:30:00",
                "endsAt", "2026-09-26T11:30:00",
                "timeZone", "Asia/Shanghai");
    }

    static Map<String, Object> visitEndingBeforeItStarts() {
        return Map.of(
                "title", "Mid-Autumn courier event",
                "siteName", "Xihongmen street community",
                "startsAt", "2026-10-01T15:00:00",
                "endsAt", "2026-10-01T14:00:00");
    }
}
