package org.caravan.event.visit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.caravan.contracts.visit.ProgrammeItemSnapshot;
import org.caravan.contracts.visit.StaffingNeed;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.event.site.SiteView;

/** A visit as coordinators and volunteers read it: times local to the site, the programme in order. */
public record VisitView(
        UUID id,
        CaravanRef caravan,
        SiteView site,
        String theme,
        LocalDateTime startsAt,
        LocalDateTime endsAt,
        String timeZone,
        int expectedAudience,
        VisitStatus status,
        String statusReason,
        long version,
        List<Item> programme,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    public record CaravanRef(UUID id, String name) {}

    public record Item(
            UUID id,
            int position,
            String title,
            String kind,
            LocalDateTime startsAt,
            LocalDateTime endsAt,
            int durationMinutes,
            List<StaffingNeed> needs,
            int teamSlots) {

        static Item of(ProgrammeItemSnapshot item) {
            return new Item(
                    item.itemId(),
                    item.position(),
                    item.title(),
                    item.kind(),
                    item.startsAt(),
                    item.startsAt().plusMinutes(item.durationMinutes()),
                    item.durationMinutes(),
                    item.needs(),
                    item.teamSlots());
        }
    }

    public static VisitView of(PlannedVisit planned) {
        VisitSnapshot snapshot = planned.snapshot();
        Visit visit = planned.visit();
        return new VisitView(
                visit.id(),
                new CaravanRef(planned.caravan().id(), planned.caravan().name()),
                SiteView.of(planned.site()),
                visit.theme(),
                snapshot.startsAt(),
                snapshot.endsAt(),
                planned.site().timeZone(),
                visit.expectedAudience(),
                visit.status(),
                visit.statusReason(),
                visit.version(),
                snapshot.programme().stream().map(Item::of).toList(),
                visit.createdBy(),
                visit.createdAt(),
                visit.updatedAt());
    }
}
