package org.caravan.volunteer.suggestion;

import io.r2dbc.postgresql.codec.Json;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.caravan.platform.EventJson;
import org.caravan.platform.web.ProblemException;
import org.caravan.volunteer.staffing.DoubleBooking;
import org.caravan.volunteer.suggestion.SuggestionRanking.Candidate;
import org.caravan.volunteer.suggestion.SuggestionRanking.Need;
import org.caravan.volunteer.volunteer.Availability;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Suggestions for a role: the need and the candidates from the database, ranked by {@link SuggestionRanking}. */
@Service
class Suggestions {

    private final Clock clock;

    private static final int CANDIDATES = 500;

    private final DatabaseClient database;
    private final DoubleBooking doubleBooking;

    Suggestions(DatabaseClient database, DoubleBooking doubleBooking, Clock clock) {
        this.clock = clock;
        this.database = database;
        this.doubleBooking = doubleBooking;
    }

    Mono<List<Suggestion>> forRole(UUID itemId, String role, int limit) {
        return need(itemId, role).flatMap(need -> candidates(itemId, role, need)
                .collectList()
                .flatMapMany(found -> Flux.fromIterable(SuggestionRanking.shortlist(found, need, limit)))
                .concatMap(suggestion -> doubleBooking
                        .of(suggestion.volunteerId(), itemId, null)
                        .map(conflict -> SuggestionRanking.withConflict(
                                suggestion, conflict.map(DoubleBooking.Conflict::describe))))
                .collectList()
                .map(checked -> SuggestionRanking.best(checked, limit)));
    }

    private Mono<Need> need(UUID itemId, String role) {
        return database.sql(
                        """
                        select n.skills, i.starts_at, i.ends_at, i.site_district
                        from staffing_need n join programme_item i on i.item_id = n.item_id
                        where n.item_id = :item and n.role = :role and n.removed_at is null and i.removed_at is null
                        """)
                .bind("item", itemId)
                .bind("role", role)
                .map(row -> new Need(
                        Arrays.asList(row.get("skills", String[].class)),
                        row.get("starts_at", OffsetDateTime.class).toInstant(),
                        row.get("ends_at", OffsetDateTime.class).toInstant(),
                        row.get("site_district", String.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Staffing need", itemId + "/" + role)));
    }

    /**
     * People not already asked for this role (nor who declined it) who have at least one of its skills (anyone, if
     * it needs none).
     */
    private Flux<Candidate> candidates(UUID itemId, String role, Need need) {
        return database.sql(
                        """
                        select v.id, v.name, v.district, v.skills, v.time_zone, v.availability,
                          coalesce((select sum(e.hours) from service_hours_entry e where e.volunteer_id = v.id
                                    and e.kind <> 'CERTIFIED' and e.recorded_at > :since), 0)
                            as recent_hours
                        from volunteer v
                        where not exists (select 1 from assignment a where a.volunteer_id = v.id and a.item_id = :item
                                          and a.role = :role and a.status in ('OFFERED', 'CONFIRMED', 'WAITLISTED', 'DECLINED'))
                          and (cardinality(:skills::text[]) = 0 or v.skills && :skills::text[])
                        order by recent_hours, v.created_at
                        limit :limit
                        """)
                .bind("since", clock.instant().minus(Duration.ofDays(SuggestionRanking.RECENT_DAYS)))
                .bind("item", itemId)
                .bind("role", role)
                .bind("skills", need.skills().toArray(String[]::new))
                .bind("limit", CANDIDATES)
                .map(row -> new Candidate(
                        row.get("id", UUID.class),
                        row.get("name", String.class),
                        row.get("district", String.class),
                        Arrays.asList(row.get("skills", String[].class)),
                        ZoneId.of(row.get("time_zone", String.class)),
                        Optional.ofNullable(row.get("availability", Json.class))
                                .map(json -> EventJson.read(json.asArray(), Availability.class))
                                .orElse(Availability.UNKNOWN),
                        row.get("recent_hours", BigDecimal.class)))
                .all();
    }
}
