package org.caravan.donation.visit;

import java.time.ZoneId;
import java.util.UUID;
import org.caravan.contracts.visit.SiteSnapshot;
import org.caravan.contracts.visit.VisitEvent;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.platform.messaging.IncomingEvent;
import org.caravan.platform.web.ProblemException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The sites and visits donations are for, from event-service's events; a newer version replaces an older one,
 * an older one changes nothing.
 */
@Component
public class VisitPlans {

    private final DatabaseClient database;

    VisitPlans(DatabaseClient database) {
        this.database = database;
    }

    /** A visit as donations need it: where, when, and whether it still takes place. */
    public record PlannedVisit(UUID visitId, String status, UUID siteId) {

        public boolean open() {
            return "SCHEDULED".equals(status) || "IN_PROGRESS".equals(status);
        }
    }

    public Mono<Void> apply(IncomingEvent<? extends VisitEvent> event) {
        VisitSnapshot visit = event.payload().visit();
        ZoneId zone = ZoneId.of(visit.site().timeZone());
        return upsertSite(visit.site())
                .then(database.sql(
                                """
                                insert into visit_plan (visit_id, version, status, theme, site_id, starts_at, ends_at)
                                values (:id, :version, :status, :theme, :site, :startsAt, :endsAt)
                                on conflict (visit_id) do update set version = excluded.version, status = excluded.status,
                                  theme = excluded.theme, site_id = excluded.site_id, starts_at = excluded.starts_at,
                                  ends_at = excluded.ends_at
                                where visit_plan.version < excluded.version
                                """)
                        .bind("id", visit.visitId())
                        .bind("version", visit.version())
                        .bind("status", visit.status())
                        .bind("theme", visit.theme())
                        .bind("site", visit.site().siteId())
                        .bind("startsAt", visit.startsAt().atZone(zone).toInstant())
                        .bind("endsAt", visit.endsAt().atZone(zone).toInstant())
                        .then());
    }

    private Mono<Void> upsertSite(SiteSnapshot site) {
        DatabaseClient.GenericExecuteSpec upsert = database.sql(
                        """
                        insert into known_site (site_id, name, district, time_zone) values (:id, :name, :district, :zone)
                        on conflict (site_id) do update set name = excluded.name, district = excluded.district,
                          time_zone = excluded.time_zone
                        """)
                .bind("id", site.siteId())
                .bind("name", site.name())
                .bind("zone", site.timeZone());
        return (site.district() == null
                        ? upsert.bindNull("district", String.class)
                        : upsert.bind("district", site.district()))
                .then();
    }

    /** The visit, or 400 naming the field when event-service never published it. */
    public Mono<PlannedVisit> require(UUID visitId, String field) {
        return database.sql("select visit_id, status, site_id from visit_plan where visit_id = :id")
                .bind("id", visitId)
                .map(row -> new PlannedVisit(
                        row.get("visit_id", UUID.class),
                        row.get("status", String.class),
                        row.get("site_id", UUID.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> ProblemException.invalidField(field, "no published visit " + visitId)));
    }

    /** The site must be one a published visit went to, so that its name and time zone are known. */
    /** The site's time zone, for rules about its days; a site no published visit has brought is refused. */
    public Mono<ZoneId> requireSiteZone(UUID siteId, String field) {
        return database.sql("select time_zone from known_site where site_id = :id")
                .bind("id", siteId)
                .map(row -> ZoneId.of(row.get("time_zone", String.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> ProblemException.invalidField(
                        field, "no site " + siteId + " is known from event-service's published visits")));
    }

    public Mono<UUID> requireSite(UUID siteId, String field) {
        return database.sql("select site_id from known_site where site_id = :id")
                .bind("id", siteId)
                .map(row -> row.get("site_id", UUID.class))
                .one()
                .switchIfEmpty(Mono.error(() -> ProblemException.invalidField(
                        field, "no site " + siteId + " is known from event-service's published visits")));
    }
}
