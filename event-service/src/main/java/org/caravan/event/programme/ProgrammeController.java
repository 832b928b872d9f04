package org.caravan.event.programme;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.caravan.event.visit.VisitView;
import org.caravan.platform.web.EntityVersions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The programme of a visit; every answer is the whole visit with its new version as ETag. */
@RestController
@RequestMapping("/api/visits/{visitId}/programme-items")
@PreAuthorize("hasRole('coordinator')")
class ProgrammeController {

    private final ProgrammePlanning programme;

    ProgrammeController(ProgrammePlanning programme) {
        this.programme = programme;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    Mono<ResponseEntity<VisitView>> add(
            @PathVariable UUID visitId,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ProgrammeItemRequest request,
            @AuthenticationPrincipal Jwt coordinator) {
        return programme
                .add(visitId, ifMatch, request, coordinator.getSubject())
                .map(added -> ResponseEntity.created(
                                URI.create("/api/visits/" + visitId + "/programme-items/" + added.itemId()))
                        .eTag(EntityVersions.etag(added.visit().visit().version()))
                        .body(VisitView.of(added.visit())));
    }

    @PutMapping("/{itemId}")
    Mono<ResponseEntity<VisitView>> change(
            @PathVariable UUID visitId,
            @PathVariable UUID itemId,
            @io.swagger.v3.oas.annotations.Parameter(
                            required = true,
                            description = "the ETag last read, as \"3\"; 428 without it")
                    @RequestHeader(value = "If-Match", required = false)
                    String ifMatch,
            @Valid @RequestBody ProgrammeItemRequest request,
            @AuthenticationPrincipal Jwt coordinator) {
        return programme
                .change(visitId, itemId, ifMatch, request, coordinator.getSubject())
                .map(ProgrammeController::ok);
    }

    @DeleteMapping("/{itemId}")
    Mono<ResponseEntity<VisitView>> remove(
            @PathVariable UUID visitId,
            @PathVariable UUID itemId,
            @io.swagger.v3.oas.annotations.Parameter(
                            required = true,
                            description = "the ETag last read, as \"3\"; 428 without it")
                    @RequestHeader(value = "If-Match", required = false)
                    String ifMatch,
            @AuthenticationPrincipal Jwt coordinator) {
        return programme
                .remove(visitId, itemId, ifMatch, coordinator.getSubject())
                .map(ProgrammeController::ok);
    }

    private static ResponseEntity<VisitView> ok(org.caravan.event.visit.PlannedVisit visit) {
        return ResponseEntity.ok()
                .eTag(EntityVersions.etag(visit.visit().version()))
                .body(VisitView.of(visit));
    }
}
