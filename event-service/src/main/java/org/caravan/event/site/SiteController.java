package org.caravan.event.site;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.caravan.platform.web.EntityVersions;
import org.caravan.platform.web.ProblemException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/sites")
class SiteController {

    private final Clock clock;

    private final SiteRepository sites;

    SiteController(SiteRepository sites, Clock clock) {
        this.clock = clock;
        this.sites = sites;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @PreAuthorize("hasRole('coordinator')")
    Mono<ResponseEntity<SiteView>> create(@Valid @RequestBody SiteRequest request) {
        return sites.save(request.toSite(null, clock.instant(), null))
                .map(site -> ResponseEntity.created(URI.create("/api/sites/" + site.id()))
                        .eTag(EntityVersions.etag(site.version()))
                        .body(SiteView.of(site)));
    }

    @GetMapping
    Flux<SiteView> list(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return sites.findAllByOrderByNameAsc(PageRequest.of(page, size)).map(SiteView::of);
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<SiteView>> get(@PathVariable UUID id) {
        return find(id).map(site ->
                ResponseEntity.ok().eTag(EntityVersions.etag(site.version())).body(SiteView.of(site)));
    }

    /** If-Match is honoured when sent, so that two coordinators editing a site do not overwrite each other. */
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('coordinator')")
    Mono<ResponseEntity<SiteView>> update(
            @PathVariable UUID id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody SiteRequest request) {
        return find(id).flatMap(current -> {
                    EntityVersions.check(ifMatch, current.version(), false);
                    return sites.save(request.toSite(id, current.createdAt(), current.version()));
                })
                .map(site -> ResponseEntity.ok()
                        .eTag(EntityVersions.etag(site.version()))
                        .body(SiteView.of(site)));
    }

    private Mono<Site> find(UUID id) {
        return sites.findById(id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Site", id)));
    }
}
