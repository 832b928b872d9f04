package org.caravan.event.visit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/visits")
class VisitController {

    private final VisitScheduling scheduling;

    VisitController(VisitScheduling scheduling) {
        this.scheduling = scheduling;
    }

    @PostMapping
    @PreAuthorize("hasRole('coordinator')")
    Mono<ResponseEntity<Visit>> schedule(
            @Valid @RequestBody NewVisit request, @AuthenticationPrincipal Jwt coordinator) {
        return scheduling.schedule(request, coordinator.getSubject()).map(visit -> ResponseEntity.created(
                        URI.create("/api/visits/" + visit.id()))
                .body(visit));
    }

    @GetMapping("/{id}")
    Mono<Visit> visit(@PathVariable UUID id) {
        return scheduling.find(id);
    }

    @GetMapping
    Flux<Visit> visits(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return scheduling.list(PageRequest.of(page, size));
    }
}
