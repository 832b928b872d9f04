package org.caravan.volunteer.staffing;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
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

    /**
     * Makes the accepts of the offer's volunteer wait for each other until their transactions end: two offers that
     * clash, accepted at the same instant, would otherwise each compare with the other's place before it is
     * committed, and both be confirmed. Its own statement, run first, so that the read that follows sees what an
     * accept that held the lock before committed. {@code no key update}: new offers to the volunteer, which only
     * reference the row, are not held up.
     */
    Mono<Void> serialiseAnswersOf(UUID assignmentId) {
        return database.sql("select 1 from volunteer"
                        + " where id = (select volunteer_id from assignment where id = :id) for no key update")
                .bind("id", assignmentId)
                .then();
    }

    /** One of the volunteer's held places close enough in time to an item to be compared with it. */
    record Held(UUID assignmentId, String itemTitle, String site, String zone, Stay stay) {}

    /**
     * A lateral join of the held places of {@code volunteer} (an SQL expression) near the item {@code i} (a row of
     * {@code programme_item}), other than the assignment {@code self}; one row with null {@code held_} columns when
     * there is none. Queries on an item join it to compare the item with the volunteer's places in the same
     * statement, as the accept does when it locks the offer.
     */
    static String heldNear(String volunteer, String self) {
        return """
                left join lateral (
                  select h.id as held_id, o.title as held_title, o.starts_at as held_starts, o.ends_at as held_ends,
                    o.site_name as held_site_name, o.site_id as held_site_id, o.site_lat as held_lat,
                    o.site_lon as held_lon, o.time_zone as held_zone
                  from assignment h join programme_item o on o.item_id = h.item_id and o.removed_at is null
                  where h.volunteer_id = %s and h.status in ('CONFIRMED', 'CHECKED_IN') and h.id <> %s
                    -- nobody travels longer than six hours between two places: only those closer are compared
                    and o.starts_at < i.ends_at + interval '6 hours' and i.starts_at < o.ends_at + interval '6 hours'
                ) held on true
                """
                .formatted(volunteer, self);
    }

    /** The item {@code i} of a query joining {@link #heldNear}, as a stay. */
    static Stay wanted(Readable row) {
        return new Stay(
                instant(row, "starts_at"), instant(row, "ends_at"), place(row, "site_id", "site_lat", "site_lon"));
    }

    /** The held place on a row of a query joining {@link #heldNear}; empty on the row of an item with none. */
    static Optional<Held> held(Readable row) {
        UUID id = row.get("held_id", UUID.class);
        if (id == null) {
            return Optional.empty();
        }
        return Optional.of(new Held(
                id,
                row.get("held_title", String.class),
                row.get("held_site_name", String.class),
                row.get("held_zone", String.class),
                new Stay(
                        instant(row, "held_starts"),
                        instant(row, "held_ends"),
                        place(row, "held_site_id", "held_lat", "held_lon"))));
    }

    /** The earliest of the held places the wanted stay clashes with, travel included. */
    static Optional<Conflict> firstClash(Stay wanted, List<Held> held) {
        return held.stream()
                .sorted(Comparator.comparing(h -> h.stay().startsAt()))
                .flatMap(h -> wanted.clashWith(h.stay()).stream()
                        .map(travel -> new Conflict(
                                h.assignmentId(),
                                h.itemTitle(),
                                h.site(),
                                h.stay().startsAt(),
                                h.stay().endsAt(),
                                travel.toMinutes(),
                                h.zone())))
                .findFirst();
    }

    /** The first clash of the item with the volunteer's places, other than {@code self}. */
    public Mono<Optional<Conflict>> of(UUID volunteerId, UUID itemId, UUID self) {
        return database.sql("select i.starts_at, i.ends_at, i.site_id, i.site_lat, i.site_lon, held.*"
                        + " from programme_item i "
                        + heldNear(":volunteer", ":self")
                        + " where i.item_id = :item")
                .bind("volunteer", volunteerId)
                .bind("item", itemId)
                .bind("self", self == null ? new UUID(0, 0) : self)
                .map(row -> new Compared(wanted(row), held(row)))
                .all()
                .collectList()
                .map(rows -> rows.isEmpty()
                        ? Optional.empty()
                        : firstClash(
                                rows.get(0).wanted(),
                                rows.stream().flatMap(r -> r.held().stream()).toList()));
    }

    private record Compared(Stay wanted, Optional<Held> held) {}

    private static Instant instant(Readable row, String column) {
        return row.get(column, OffsetDateTime.class).toInstant();
    }

    private static Place place(Readable row, String site, String lat, String lon) {
        return new Place(row.get(site, UUID.class), row.get(lat, Double.class), row.get(lon, Double.class));
    }
}
