package org.caravan.volunteer.staffing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long to allow between two places, and so whether one person can serve at both. From coordinates: the
 * straight line, made longer by a road factor, driven at city speed, plus time to park and find the room. Unknown
 * places get the 45 minutes.
 */
final class TravelTime {

    static final Duration WHEN_UNKNOWN = Duration.ofMinutes(45);
    private static final double ROAD_FACTOR = 1.4;
    private static final double CITY_KILOMETRES_PER_HOUR = 25;
    private static final Duration ARRIVING = Duration.ofMinutes(15);
    private static final double EARTH_RADIUS_KM = 6371;

    record Place(Object siteId, Double lat, Double lon) {

        boolean located() {
            return lat != null && lon != null;
        }
    }

    /** A time spent at a place, such as a programme item someone serves at. */
    record Stay(Instant startsAt, Instant endsAt, Place place) {

        /** The travel time, when it does not fit between the two stays in either order; empty when it does. */
        Optional<Duration> clashWith(Stay other) {
            Duration travel = between(place, other.place);
            boolean clash =
                    other.startsAt.isBefore(endsAt.plus(travel)) && startsAt.isBefore(other.endsAt.plus(travel));
            return clash ? Optional.of(travel) : Optional.empty();
        }
    }

    private TravelTime() {}

    static Duration between(Place a, Place b) {
        if (a.siteId() != null && a.siteId().equals(b.siteId())) {
            return Duration.ZERO;
        }
        if (!a.located() || !b.located()) {
            return WHEN_UNKNOWN;
        }
        double hours = kilometres(a, b) * ROAD_FACTOR / CITY_KILOMETRES_PER_HOUR;
        long minutes = (long) Math.ceil(hours * 60 / 5) * 5;
        return ARRIVING.plusMinutes(minutes);
    }

    /** Great-circle distance (haversine). */
    static double kilometres(Place a, Place b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a.lat()))
                        * Math.cos(Math.toRadians(b.lat()))
                        * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
    }
}
