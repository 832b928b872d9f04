package org.caravan.volunteer.team;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.caravan.platform.security.Roles;
import org.caravan.platform.web.ProblemException;
import org.caravan.volunteer.volunteer.VolunteerRepository;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/teams")
class TeamController {

    private final Teams teams;
    private final VolunteerRepository volunteers;

    TeamController(Teams teams, VolunteerRepository volunteers) {
        this.teams = teams;
        this.volunteers = volunteers;
    }

    record Formation(
            @NotBlank @Size(min = 1, max = 100) String name,
            @NotNull UUID leadVolunteerId,
            @Size(max = 500) List<@NotNull UUID> memberIds,
            @Size(max = 30) List<@NotBlank @Size(min = 1, max = 50) String> skills) {}

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @PreAuthorize("hasRole('coordinator')")
    Mono<ResponseEntity<Team>> form(@Valid @RequestBody Formation formation) {
        List<String> skills = formation.skills() == null
                ? List.of()
                : formation.skills().stream()
                        .map(s -> s.strip().toUpperCase(Locale.ROOT))
                        .distinct()
                        .toList();
        return teams.form(
                        formation.name().strip(),
                        formation.leadVolunteerId(),
                        formation.memberIds() == null ? List.of() : formation.memberIds(),
                        skills)
                .map(team -> ResponseEntity.created(URI.create("/api/teams/" + team.id()))
                        .body(team));
    }

    @GetMapping
    @PreAuthorize("hasRole('coordinator')")
    Flux<Team> teams() {
        return teams.all();
    }

    /** Coordinators see every team; a volunteer sees the teams they belong to, and no other (404). */
    @GetMapping("/{id}")
    Mono<Team> team(@PathVariable UUID id, @AuthenticationPrincipal Jwt caller) {
        Mono<Team> team = teams.require(id);
        if (Roles.has(caller, Roles.COORDINATOR)) {
            return team;
        }
        return volunteers
                .findBySubject(caller.getSubject())
                .zipWith(team)
                .filter(pair -> pair.getT2().memberIds().contains(pair.getT1().id()))
                .map(pair -> pair.getT2())
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Team", id)));
    }
}
