package org.caravan.event.caravan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import org.caravan.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/caravans")
class CaravanController {

    private final Clock clock;

    private final CaravanRepository caravans;

    CaravanController(CaravanRepository caravans, Clock clock) {
        this.clock = clock;
        this.caravans = caravans;
    }

    record CaravanRequest(@NotBlank @Size(min = 1, max = 200) String name, @Size(max = 2000) String description) {}

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @PreAuthorize("hasRole('coordinator')")
    Mono<ResponseEntity<Caravan>> create(@Valid @RequestBody CaravanRequest request) {
        String name = request.name().strip();
        return caravans.existsByName(name)
                .flatMap(exists -> exists
                        ? Mono.error(ProblemException.conflict(
                                "Caravan exists", "A caravan named " + name + " exists already"))
                        : caravans.save(new Caravan(null, name, request.description(), clock.instant())))
                .map(caravan -> ResponseEntity.created(URI.create("/api/caravans/" + caravan.id()))
                        .body(caravan));
    }

    @GetMapping
    Flux<Caravan> list() {
        return caravans.findAllByOrderByNameAsc();
    }
}
