package org.caravan.event.visit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.caravan.platform.security.Roles;
import org.caravan.platform.web.EntityVersions;
import org.caravan.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Visits: coordinators plan and change them; anyone signed in reads published ones, coordinators drafts too. */
@RestController
@RequestMapping("/api/visits")
class VisitController {

    private static final String IF_MATCH = "If-Match";

    private final VisitPlanning planning;
    private final PlannedVisits plannedVisits;
    private final VisitSearch search;

    VisitController(VisitPlanning planning, PlannedVisits plannedVisits, VisitSearch search) {
        this.planning = planning;
        this.plannedVisits = plannedVisits;
        this.search = search;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @PreAuthorize("hasRole('coordinator')")
    Mono<ResponseEntity<VisitView>> draft(
            @Valid @RequestBody VisitRequests.Draft request, @AuthenticationPrincipal Jwt coordinator) {
        return planning.draft(request, coordinator.getSubject()).map(visit -> ResponseEntity.created(
                        URI.create("/api/visits/" + visit.visit().id()))
                .eTag(EntityVersions.etag(visit.visit().version()))
                .body(VisitView.of(visit)));
    }

    @GetMapping
    Mono<VisitSearch.Page> visits(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) UUID siteId,
            @RequestParam(required = false) VisitStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
            Authentication person) {
        boolean coordinator = isCoordinator(person);
        if (status == VisitStatus.DRAFT && !coordinator) {
            return Mono.just(new VisitSearch.Page(java.util.List.of(), page, size, 0));
        }
        var filter = new VisitSearch.Filter(
                WindowBound.parse(from, "from"), WindowBound.parse(to, "to"), siteId, status, coordinator);
        return search.find(filter, page, size);
    }

    /** A draft is the coordinators' business: to anyone else it does not exist. */
    @GetMapping("/{id}")
    Mono<ResponseEntity<VisitView>> visit(@PathVariable UUID id, Authentication person) {
        return plannedVisits
                .load(id)
                .filter(visit -> visit.visit().status().isPublished() || isCoordinator(person))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Visit", id)))
                .map(VisitController::ok);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('coordinator')")
    Mono<ResponseEntity<VisitView>> edit(
            @PathVariable UUID id,
            @io.swagger.v3.oas.annotations.Parameter(
                            required = true,
                            description = "the ETag last read, as \"3\"; 428 without it")
                    @RequestHeader(value = IF_MATCH, required = false)
                    String ifMatch,
            @Valid @RequestBody VisitRequests.Draft request) {
        return planning.edit(id, ifMatch, request).map(VisitController::ok);
    }

    @PostMapping("/{id}/schedule")
    @PreAuthorize("hasRole('coordinator')")
    Mono<ResponseEntity<VisitView>> schedule(
            @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal Jwt coordinator) {
        return planning.schedule(id, ifMatch, coordinator.getSubject()).map(VisitController::ok);
    }

    @PostMapping("/{id}/reschedule")
    @PreAuthorize("hasRole('coordinator')")
    Mono<ResponseEntity<VisitView>> reschedule(
            @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody VisitRequests.Reschedule request,
            @AuthenticationPrincipal Jwt coordinator) {
        return planning.reschedule(id, ifMatch, request, coordinator.getSubject())
                .map(VisitController::ok);
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasRole('coordinator')")
    Mono<ResponseEntity<VisitView>> cancel(
            @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody VisitRequests.Cancel request,
            @AuthenticationPrincipal Jwt coordinator) {
        return planning.cancel(id, ifMatch, request, coordinator.getSubject()).map(VisitController::ok);
    }

    @PostMapping("/{id}/start")
    @PreAuthorize("hasRole('coordinator')")
    Mono<ResponseEntity<VisitView>> start(
            @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal Jwt coordinator) {
        return planning.start(id, ifMatch, coordinator.getSubject()).map(VisitController::ok);
    }

    @PostMapping("/{id}/complete")
    @PreAuthorize("hasRole('coordinator')")
    Mono<ResponseEntity<VisitView>> complete(
            @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal Jwt coordinator) {
        return planning.complete(id, ifMatch, coordinator.getSubject()).map(VisitController::ok);
    }

    private static ResponseEntity<VisitView> ok(PlannedVisit visit) {
        return ResponseEntity.ok()
                .eTag(EntityVersions.etag(visit.visit().version()))
                .body(VisitView.of(visit));
    }

    private static boolean isCoordinator(Authentication person) {
        return person.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.COORDINATOR));
    }
}
