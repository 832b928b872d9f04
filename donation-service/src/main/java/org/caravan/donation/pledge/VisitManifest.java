package org.caravan.donation.pledge;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.caravan.contracts.donation.PledgeLine;
import org.caravan.contracts.donation.PledgeSnapshot;
import org.caravan.donation.donor.Caller;
import org.caravan.platform.web.ProblemException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Everything pledged, dispatched and delivered for a visit, with totals per kind and unit, and what was given
 * in return. A liaison sees their own donors' pledges only.
 */
@RestController
@PreAuthorize("hasAnyRole('coordinator', 'donor_liaison')")
class VisitManifest {

    private final DatabaseClient database;
    private final PledgeStore store;

    VisitManifest(DatabaseClient database, PledgeStore store) {
        this.database = database;
        this.store = store;
    }

    record Total(String kind, String unit, long pledged, long received, long dispatched, long delivered) {}

    record Acknowledgement(UUID id, UUID donorId, String teamName, String description, Instant recordedAt) {}

    record Manifest(
            UUID visitId, List<PledgeSnapshot> pledges, List<Total> totals, List<Acknowledgement> acknowledgements) {}

    @GetMapping("/api/visits/{visitId}/donations")
    Mono<Manifest> manifest(@PathVariable UUID visitId, @AuthenticationPrincipal Jwt token) {
        Caller caller = Caller.of(token);
        return database.sql("select 1 from visit_plan where visit_id = :id")
                .bind("id", visitId)
                .map(row -> 1)
                .one()
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Visit", visitId)))
                .thenMany(store.forVisit(visitId, caller))
                .collectList()
                .zipWith(acknowledgements(visitId, caller))
                .map(parts -> new Manifest(visitId, parts.getT1(), totals(parts.getT1()), parts.getT2()));
    }

    /** Cancelled pledges are listed but not counted. */
    private static List<Total> totals(List<PledgeSnapshot> pledges) {
        Map<String, Total> totals = new TreeMap<>();
        pledges.stream()
                .filter(p -> PledgeStatus.of(p) != PledgeStatus.CANCELLED)
                .flatMap(p -> p.lines().stream())
                .forEach(line -> totals.merge(line.kind() + "/" + line.unit(), total(line), VisitManifest::sum));
        return List.copyOf(totals.values());
    }

    private static Total total(PledgeLine line) {
        return new Total(
                line.kind(), line.unit(), line.quantity(), line.received(), line.dispatched(), line.delivered());
    }

    private static Total sum(Total a, Total b) {
        return new Total(
                a.kind(),
                a.unit(),
                a.pledged() + b.pledged(),
                a.received() + b.received(),
                a.dispatched() + b.dispatched(),
                a.delivered() + b.delivered());
    }

    /** A liaison sees the thanks given to their own donors; what others were given is theirs to know. */
    private Mono<List<Acknowledgement>> acknowledgements(UUID visitId, Caller caller) {
        return database.sql("select a.id, a.donor_id, a.team_name, a.description, a.recorded_at from acknowledgement a"
                        + " where a.visit_id = :visit and (:coordinator or a.donor_id in"
                        + " (select d.id from donor d where d.liaison_subject = :me)) order by a.recorded_at")
                .bind("visit", visitId)
                .bind("coordinator", caller.coordinator())
                .bind("me", caller.subject())
                .map(row -> new Acknowledgement(
                        row.get("id", UUID.class),
                        row.get("donor_id", UUID.class),
                        row.get("team_name", String.class),
                        row.get("description", String.class),
                        row.get("recorded_at", OffsetDateTime.class).toInstant()))
                .all()
                .collectList();
    }
}
