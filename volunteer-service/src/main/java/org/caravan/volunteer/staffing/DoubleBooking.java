package org.caravan.volunteer.staffing;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.caravan.volunteer.staffing.TravelTime.Place;
import org.caravan.volunteer.staffing.TravelTime.Stay;
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
                        select a.id, o.title, o.starts_at, o.ends_at, o.site_name, o.site_id, o.site_lat, o.site_lon,
                          o.time_zone, t.starts_at as t_starts, t.ends_at as t_ends, t.site_id as t_site,
                          t.site_lat as t_lat, t.site_lon as t_lon
                        from programme_item t
                        join assignment a on a.volunteer_id = :volunteer and a.status in ('CONFIRMED', 'CHECKED_IN')
                          and a.id <> :self
                        join programme_item o on o.item_id = a.item_id and o.removed_at is null
                        where t.item_id = :item
                          -- nobody travels longer than six hours between two places: only those closer are compared
                          and o.starts_at < t.ends_at + interval '6 hours' and t.starts_at < o.ends_at + interval '6 hours'
                        order by o.starts_at
                        """)
                .bind("volunteer", volunteerId)
                .bind("item", itemId)
                .bind("self", self == null ? new UUID(0, 0) : self)
                .map(row -> {
                    Stay wanted = new Stay(
                            instant(row, "t_starts"), instant(row, "t_ends"), place(row, "t_site", "t_lat", "t_lon"));
                    Stay held = new Stay(
                            instant(row, "starts_at"),
                            instant(row, "ends_at"),
                            place(row, "site_id", "site_lat", "site_lon"));
                    return wanted.clashWith(held)
                            .map(travel -> new Conflict(
                                    row.get("id", UUID.class),
                                    row.get("title", String.class),
                                    row.get("site_name", String.class),
                                    held.startsAt(),
                                    held.endsAt(),
                                    travel.toMinutes(),
                                    row.get("time_zone", String.class)));
                })
                .all()
                .filter(Optional::isPresent)
                .next()
                .defaultIfEmpty(Optional.empty());
    }

    private static Instant instant(Readable row, String column) {
        return row.get(column, OffsetDateTime.class).toInstant();
    }

    private static Place place(Readable row, String site, String lat, String lon) {
        return new Place(row.get(site, UUID.class), row.get(lat, Double.class), row.get(lon, Double.class));
    }
}
