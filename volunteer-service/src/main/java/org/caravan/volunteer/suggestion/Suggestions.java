package org.caravan.volunteer.suggestion;

import io.r2dbc.postgresql.codec.Json;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.caravan.platform.EventJson;
import org.caravan.platform.web.ProblemException;
import org.caravan.volunteer.staffing.DoubleBooking;
import org.caravan.volunteer.volunteer.Availability;
import org.caravan.volunteer.volunteer.Availability.Fit;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who to ask for a role, best first: those with the skills, then those who said they are free, then those
 * without a clash, then those who served fewer hours lately (so the same few are not always asked), then
 * those from the site's district. Each suggestion says why.
 */
@Service
class Suggestions {

    private final Clock clock;

    /** How far back "recent hours" look. */
    static final int RECENT_DAYS = 90;

    private static final int CANDIDATES = 500;

    private final DatabaseClient database;
    private final DoubleBooking doubleBooking;

    Suggestions(DatabaseClient database, DoubleBooking doubleBooking, Clock clock) {
        this.clock = clock;
        this.database = database;
        this.doubleBooking = doubleBooking;
    }

    record Suggestion(
            UUID volunteerId,
            String name,
            String district,
            List<String> matchedSkills,
            List<String> missingSkills,
            Fit availability,
            String conflict,
            BigDecimal recentHours,
            boolean sameDistrict,
            List<String> reasons) {

        String recentHoursReason() {
            return Suggestions.recentHoursReason(recentHours);
        }
    }

    private record Need(List<String> skills, Instant startsAt, Instant endsAt, String district) {}

    private record Candidate(
            UUID id,
            String name,
            String district,
            List<String> skills,
            ZoneId zone,
            Availability availability,
            BigDecimal recentHours) {}

    Mono<List<Suggestion>> forRole(UUID itemId, String role, int limit) {
        return need(itemId, role).flatMap(need -> candidates(itemId, role, need)
                .map(candidate -> rankedWithoutConflicts(candidate, need))
                .collectList()
                .flatMap(ranked -> Flux.fromIterable(ranked.stream()
                                .sorted(BEFORE_CONFLICTS)
                                .limit(limit * 3L)
                                .toList())
                        .concatMap(suggestion -> withConflict(suggestion, itemId))
                        .collectList())
                .map(checked -> checked.stream().sorted(BEST_FIRST).limit(limit).toList()));
    }

    private static final Comparator<Suggestion> BEFORE_CONFLICTS = Comparator.comparing(
                    (Suggestion s) -> s.missingSkills().size())
            .thenComparing(s -> s.availability().ordinal())
            .thenComparing(Suggestion::recentHours)
            .thenComparing(s -> !s.sameDistrict())
            .thenComparing(Suggestion::name);

    private static final Comparator<Suggestion> BEST_FIRST = Comparator.comparing(
                    (Suggestion s) -> s.missingSkills().size())
            .thenComparing(s -> s.availability().ordinal())
            .thenComparing(s -> s.conflict() != null)
            .thenComparing(Suggestion::recentHours)
            .thenComparing(s -> !s.sameDistrict())
            .thenComparing(Suggestion::name);

    private Suggestion rankedWithoutConflicts(Candidate candidate, Need need) {
        List<String> matched =
                need.skills().stream().filter(candidate.skills()::contains).toList();
        List<String> missing = need.skills().stream()
                .filter(s -> !candidate.skills().contains(s))
                .toList();
        Fit fit = candidate.availability().fit(need.startsAt(), need.endsAt(), candidate.zone());
        boolean sameDistrict = need.district() != null && need.district().equals(candidate.district());
        List<String> reasons = new ArrayList<>();
        if (!matched.isEmpty()) {
            reasons.add("has " + String.join(", ", matched));
        }
        if (!missing.isEmpty()) {
            reasons.add("lacks " + String.join(", ", missing));
        }
        reasons.add(
                switch (fit) {
                    case AVAILABLE -> "said they are available then";
                    case UNAVAILABLE -> "said they are not available then";
                    case UNKNOWN -> "has not said whether they are available then";
                });
        reasons.add(recentHoursReason(candidate.recentHours()));
        if (sameDistrict) {
            reasons.add("lives in the site's district, " + need.district());
        }
        return new Suggestion(
                candidate.id(),
                candidate.name(),
                candidate.district(),
                matched,
                missing,
                fit,
                null,
                candidate.recentHours(),
                sameDistrict,
                reasons);
    }

    private static String recentHoursReason(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString() + " hours served in the last " + RECENT_DAYS + " days";
    }

    private Mono<Suggestion> withConflict(Suggestion suggestion, UUID itemId) {
        return doubleBooking.of(suggestion.volunteerId(), itemId, null).map(conflict -> {
            List<String> reasons = new ArrayList<>(suggestion.reasons());
            int beforeHours = reasons.indexOf(suggestion.recentHoursReason());
            reasons.add(
                    beforeHours,
                    conflict.map(DoubleBooking.Conflict::describe).orElse("no clash with their other places"));
            return new Suggestion(
                    suggestion.volunteerId(),
                    suggestion.name(),
                    suggestion.district(),
                    suggestion.matchedSkills(),
                    suggestion.missingSkills(),
                    suggestion.availability(),
                    conflict.map(DoubleBooking.Conflict::describe).orElse(null),
                    suggestion.recentHours(),
                    suggestion.sameDistrict(),
                    List.copyOf(reasons));
        });
    }

    private Mono<Need> need(UUID itemId, String role) {
        return database.sql(
                        """
                        select n.skills, s.starts_at, s.ends_at, v.site_district
                        from staffing_need n join programme_slot s on s.item_id = n.item_id
                        join visit_plan v on v.visit_id = s.visit_id
                        where n.item_id = :item and n.role = :role and n.removed_at is null and s.removed_at is null
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
                .bind("since", clock.instant().minus(java.time.Duration.ofDays(RECENT_DAYS)))
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
