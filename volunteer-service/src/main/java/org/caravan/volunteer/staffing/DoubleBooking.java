package org.caravan.volunteer.staffing;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.caravan.volunteer.staffing.TravelTime.Place;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Finds the place a volunteer already holds that an item would clash with: the two overlap once the travel
 * time between their sites is added on both sides.
 */
@Component
public class DoubleBooking {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final DatabaseClient database;

    DoubleBooking(DatabaseClient database) {
        this.database = database;
    }

    /** Another of the volunteer's held places and why it clashes, in words a coordinator can act on. */
    public record Conflict(
            UUID assignmentId,
            String itemTitle,
            String site,
            Instant startsAt,
            Instant endsAt,
            long travelMinutes,
            String zone) {

        public String describe() {
            ZoneId at = ZoneId.of(zone);
            return "Overlaps '" + itemTitle + "' at " + site + ", " + CLOCK.format(startsAt.atZone(at)) + "–"
                    + DateTimeFormatter.ofPattern("HH:mm").format(endsAt.atZone(at)) + " (" + zone + ")"
                    + (travelMinutes == 0 ? "" : ", with " + travelMinutes + " minutes of travel between the sites");
        }

        public Map<String, Object> asProblemMember() {
            return Map.of(
                    "assignmentId", assignmentId,
                    "itemTitle", itemTitle,
                    "site", site,
                    "startsAt", startsAt,
                    "endsAt", endsAt,
                    "travelMinutes", travelMinutes);
        }
    }

    /** The first clash of the item with the volunteer's places, other than {@code self}. */
    public Mono<Optional<Conflict>> of(UUID volunteerId, UUID itemId, UUID self) {
        return database.sql(
                        """
                        select a.id, o.title, o.starts_at, o.ends_at, ov.site_name, ov.site_id, ov.site_lat, ov.site_lon,
                          ov.time_zone, t.starts_at as t_starts, t.ends_at as t_ends, tv.site_id as t_site,
                          tv.site_lat as t_lat, tv.site_lon as t_lon
                        from programme_slot t join visit_plan tv on tv.visit_id = t.visit_id
                        join assignment a on a.volunteer_id = :volunteer and a.status in ('CONFIRMED', 'CHECKED_IN')
                          and a.id <> :self
                        join programme_slot o on o.item_id = a.item_id and o.removed_at is null
                        join visit_plan ov on ov.visit_id = o.visit_id
                        where t.item_id = :item
                          -- nobody travels longer than six hours between two places: only those closer are compared
                          and o.starts_at < t.ends_at + interval '6 hours' and t.starts_at < o.ends_at + interval '6 hours'
                        order by o.starts_at
                        """)
                .bind("volunteer", volunteerId)
                .bind("item", itemId)
                .bind("self", self == null ? new UUID(0, 0) : self)
                .map(row -> {
                    Instant start = row.get("t_starts", OffsetDateTime.class).toInstant();
                    Instant end = row.get("t_ends", OffsetDateTime.class).toInstant();
                    Instant otherStart =
                            row.get("starts_at", OffsetDateTime.class).toInstant();
                    Instant otherEnd = row.get("ends_at", OffsetDateTime.class).toInstant();
                    Duration travel = TravelTime.between(
                            new Place(
                                    row.get("t_site", UUID.class),
                                    row.get("t_lat", Double.class),
                                    row.get("t_lon", Double.class)),
                            new Place(
                                    row.get("site_id", UUID.class),
                                    row.get("site_lat", Double.class),
                                    row.get("site_lon", Double.class)));
                    boolean clash = otherStart.isBefore(end.plus(travel)) && start.isBefore(otherEnd.plus(travel));
                    return clash
                            ? Optional.of(new Conflict(
                                    row.get("id", UUID.class),
                                    row.get("title", String.class),
                                    row.get("site_name", String.class),
                                    otherStart,
                                    otherEnd,
                                    travel.toMinutes(),
                                    row.get("time_zone", String.class)))
                            : Optional.<Conflict>empty();
                })
                .all()
                .filter(Optional::isPresent)
                .next()
                .defaultIfEmpty(Optional.empty());
    }
}
