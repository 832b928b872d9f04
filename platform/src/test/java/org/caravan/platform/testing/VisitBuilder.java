package org.caravan.platform.testing;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.visit.ProgrammeItemSnapshot;
import org.caravan.contracts.visit.SiteSnapshot;
import org.caravan.contracts.visit.VisitSnapshot;

/**
 * Visits as event-service would publish them, for consumers' tests: start from the checked-in sample or from a
 * visit, and change only what the test is about.
 */
public final class VisitBuilder {

    private UUID visitId;
    private final UUID caravanId;
    private final String caravanName;
    private SiteSnapshot site;
    private final String theme;
    private LocalDateTime startsAt;
    private LocalDateTime endsAt;
    private final int expectedAudience;
    private String status;
    private long version;
    private List<ProgrammeItemSnapshot> programme;

    private VisitBuilder(VisitSnapshot visit) {
        visitId = visit.visitId();
        caravanId = visit.caravanId();
        caravanName = visit.caravanName();
        site = visit.site();
        theme = visit.theme();
        startsAt = visit.startsAt();
        endsAt = visit.endsAt();
        expectedAudience = visit.expectedAudience();
        status = visit.status();
        version = visit.version();
        programme = visit.programme();
    }

    /** The checked-in VisitScheduled sample's visit (Dandelion School), as a new visit with its own id. */
    public static VisitBuilder newFromSample() {
        return new VisitBuilder(EventSamples.event(EventCatalog.VISIT_SCHEDULED).visit()).visitId(UUID.randomUUID());
    }

    public static VisitBuilder from(VisitSnapshot visit) {
        return new VisitBuilder(visit);
    }

    public VisitBuilder visitId(UUID visitId) {
        this.visitId = visitId;
        return this;
    }

    public VisitBuilder site(SiteSnapshot site) {
        this.site = site;
        return this;
    }

    public VisitBuilder between(LocalDateTime startsAt, LocalDateTime endsAt) {
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        return this;
    }

    public VisitBuilder status(String status) {
        this.status = status;
        return this;
    }

    public VisitBuilder version(long version) {
        this.version = version;
        return this;
    }

    /** The next version, as every published change of a visit has. */
    public VisitBuilder nextVersion() {
        return version(version + 1);
    }

    public VisitBuilder programme(List<ProgrammeItemSnapshot> programme) {
        this.programme = List.copyOf(programme);
        return this;
    }

    public VisitSnapshot build() {
        return new VisitSnapshot(
                visitId,
                caravanId,
                caravanName,
                site,
                theme,
                startsAt,
                endsAt,
                expectedAudience,
                status,
                version,
                programme);
    }
}
