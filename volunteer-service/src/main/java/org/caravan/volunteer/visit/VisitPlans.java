package org.caravan.volunteer.visit;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.caravan.contracts.visit.GeoLocation;
import org.caravan.contracts.visit.ProgrammeItemSnapshot;
import org.caravan.contracts.visit.StaffingNeed;
import org.caravan.contracts.visit.VisitEvent;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.platform.messaging.IncomingEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The read model of visits, their items and staffing needs, replaced by each newer visit event. An event older
 * than what is stored (a replay, or partitions read out of order after a rebalance) changes nothing.
 */
@Component
public class VisitPlans {

    /** Whole teams wanted for an item are staffed as one more need of this role, one place per team. */
    public static final String TEAM_SLOT = "TEAM";

    private final DatabaseClient database;

    VisitPlans(DatabaseClient database) {
        this.database = database;
    }

    public Mono<Void> apply(IncomingEvent<? extends VisitEvent> event) {
        VisitSnapshot visit = event.payload().visit();
        return upsertVisit(visit).flatMap(newer -> newer ? replaceProgramme(visit) : Mono.empty());
    }

    private Mono<Boolean> upsertVisit(VisitSnapshot visit) {
        ZoneId zone = ZoneId.of(visit.site().timeZone());
        GeoLocation location = visit.site().location();
        DatabaseClient.GenericExecuteSpec upsert = database.sql(
                        """
                        insert into visit_plan (visit_id, version, status, theme, site_name, time_zone, starts_at, ends_at,
                          site_id, site_district, site_lat, site_lon)
                        values (:id, :version, :status, :theme, :site, :zone, :startsAt, :endsAt,
                          :siteId, :district, :lat, :lon)
                        on conflict (visit_id) do update set version = excluded.version, status = excluded.status,
                          theme = excluded.theme, site_name = excluded.site_name, time_zone = excluded.time_zone,
                          starts_at = excluded.starts_at, ends_at = excluded.ends_at, site_id = excluded.site_id,
                          site_district = excluded.site_district, site_lat = excluded.site_lat,
                          site_lon = excluded.site_lon, updated_at = now(),
                          gaps_checked_at = case when visit_plan.starts_at = excluded.starts_at
                                                 then visit_plan.gaps_checked_at end
                        where visit_plan.version < excluded.version
                        """)
                .bind("id", visit.visitId())
                .bind("version", visit.version())
                .bind("status", visit.status())
                .bind("theme", visit.theme())
                .bind("site", visit.site().name())
                .bind("zone", visit.site().timeZone())
                .bind("startsAt", visit.startsAt().atZone(zone).toInstant())
                .bind("endsAt", visit.endsAt().atZone(zone).toInstant())
                .bind("siteId", visit.site().siteId());
        upsert = visit.site().district() == null
                ? upsert.bindNull("district", String.class)
                : upsert.bind("district", visit.site().district());
        upsert = location == null
                ? upsert.bindNull("lat", Double.class).bindNull("lon", Double.class)
                : upsert.bind("lat", location.lat()).bind("lon", location.lon());
        return upsert.fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /**
     * Items and needs follow the programme; confirmed counts stay with the needs that remain. Removed items
     * and needs are marked removed, so that staffing can release their people and keep the history.
     */
    private Mono<Void> replaceProgramme(VisitSnapshot visit) {
        ZoneId zone = ZoneId.of(visit.site().timeZone());
        UUID[] itemIds =
                visit.programme().stream().map(ProgrammeItemSnapshot::itemId).toArray(UUID[]::new);
        return database.sql("update programme_slot set removed_at = now()"
                        + " where visit_id = :visit and removed_at is null and not (item_id = any(:items))")
                .bind("visit", visit.visitId())
                .bind("items", itemIds)
                .then()
                .thenMany(Flux.fromIterable(visit.programme()).concatMap(item -> upsertItem(visit, item, zone)))
                .then();
    }

    private Mono<Void> upsertItem(VisitSnapshot visit, ProgrammeItemSnapshot item, ZoneId zone) {
        Instant start = item.startsAt().atZone(zone).toInstant();
        Mono<Void> slot = database.sql(
                        """
                        insert into programme_slot (item_id, visit_id, title, starts_at, ends_at, team_slots)
                        values (:item, :visit, :title, :startsAt, :endsAt, :teamSlots)
                        on conflict (item_id) do update set title = excluded.title, starts_at = excluded.starts_at,
                          ends_at = excluded.ends_at, team_slots = excluded.team_slots, removed_at = null
                        """)
                .bind("item", item.itemId())
                .bind("visit", visit.visitId())
                .bind("title", item.title())
                .bind("startsAt", start)
                .bind("endsAt", start.plusSeconds(60L * item.durationMinutes()))
                .bind("teamSlots", item.teamSlots())
                .then();
        Map<String, StaffingNeed> byRole = new LinkedHashMap<>();
        item.needs()
                .forEach(need -> byRole.merge(
                        need.role(),
                        need,
                        (a, b) -> new StaffingNeed(
                                a.role(),
                                Stream.concat(a.skills().stream(), b.skills().stream())
                                        .distinct()
                                        .toList(),
                                a.headcount() + b.headcount())));
        if (item.teamSlots() > 0) {
            byRole.put(TEAM_SLOT, new StaffingNeed(TEAM_SLOT, List.of(), item.teamSlots()));
        }
        Mono<Void> removeGoneNeeds = database.sql("update staffing_need set removed_at = now()"
                        + " where item_id = :item and removed_at is null and not (role = any(:roles))")
                .bind("item", item.itemId())
                .bind("roles", byRole.keySet().toArray(String[]::new))
                .then();
        return slot.then(removeGoneNeeds)
                .thenMany(Flux.fromIterable(byRole.values()).concatMap(need -> upsertNeed(item, need)))
                .then();
    }

    /** A lowered headcount below those already confirmed keeps the confirmed: nobody is dropped silently. */
    private Mono<Void> upsertNeed(ProgrammeItemSnapshot item, StaffingNeed need) {
        return database.sql(
                        """
                        insert into staffing_need (item_id, role, skills, headcount)
                        values (:item, :role, :skills, :headcount)
                        on conflict (item_id, role) do update set skills = excluded.skills,
                          headcount = greatest(excluded.headcount, staffing_need.confirmed), removed_at = null
                        """)
                .bind("item", item.itemId())
                .bind("role", need.role())
                .bind("skills", need.skills().toArray(String[]::new))
                .bind("headcount", need.headcount())
                .then();
    }
}
