package org.caravan.event.visit;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.caravan.contracts.visit.ProgrammeItemSnapshot;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.event.caravan.Caravan;
import org.caravan.event.site.Site;
import org.caravan.platform.web.ProblemException;

/** A visit with what it refers to and its programme in order: the aggregate as it is read and published. */
public record PlannedVisit(Visit visit, Caravan caravan, Site site, List<ProgrammeItem> programme) {

    public ZoneId zone() {
        return site.zone();
    }

    public LocalDateTime local(java.time.Instant instant) {
        return LocalDateTime.ofInstant(instant, zone());
    }

    /**
     * The programme moved with the visit to {@code moved}'s times: every item keeps its place relative to the
     * start, and must still lie within the visit.
     */
    public List<ProgrammeItem> programmeMovedWith(Visit moved) {
        Duration shift = Duration.between(visit.startsAt(), moved.startsAt());
        return programme.stream()
                .map(item -> {
                    ProgrammeItem shifted = item.movedBy(shift);
                    if (!moved.covers(shifted.startsAt(), shifted.duration())) {
                        throw ProblemException.conflict(
                                "Programme does not fit",
                                "\"" + item.title() + "\" would fall outside the new times; change or remove it first");
                    }
                    return shifted;
                })
                .toList();
    }

    public VisitSnapshot snapshot() {
        List<ProgrammeItemSnapshot> items = IntStream.range(0, programme.size())
                .mapToObj(i -> {
                    ProgrammeItem item = programme.get(i);
                    return new ProgrammeItemSnapshot(
                            item.id(),
                            i + 1,
                            item.title(),
                            item.kind().name(),
                            local(item.startsAt()),
                            item.durationMinutes(),
                            item.staffingNeeds(),
                            item.teamSlots());
                })
                .toList();
        return new VisitSnapshot(
                visit.id(),
                caravan.id(),
                caravan.name(),
                site.snapshot(),
                visit.theme(),
                local(visit.startsAt()),
                local(visit.endsAt()),
                visit.expectedAudience(),
                visit.status().name(),
                visit.version(),
                items);
    }
}
