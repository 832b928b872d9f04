package org.caravan.volunteer.staffing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.caravan.platform.web.ProblemException;
import org.caravan.volunteer.team.Teams;
import org.caravan.volunteer.visit.VisitPlans;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class StaffingController {

    private final Staffing staffing;
    private final StaffingBoard board;
    private final Teams teams;

    StaffingController(Staffing staffing, StaffingBoard board, Teams teams) {
        this.staffing = staffing;
        this.board = board;
        this.teams = teams;
    }

    /** A role for a volunteer, or a team slot for a team; {@code overrideReason} knowingly double-books. */
    record Offer(
            @Size(max = 50) String role,
            UUID volunteerId,
            UUID teamId,
            @Min(1) @Max(720) Integer offerExpiresInHours,
            @Size(max = 500) String overrideReason) {}

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/programme-items/{itemId}/assignments")
    @PreAuthorize("hasRole('coordinator')")
    Mono<ResponseEntity<Assignment>> offer(
            @PathVariable UUID itemId, @Valid @RequestBody Offer offer, @AuthenticationPrincipal Jwt coordinator) {
        Duration validFor = Duration.ofHours(offer.offerExpiresInHours() == null ? 48 : offer.offerExpiresInHours());
        String override =
                offer.overrideReason() == null || offer.overrideReason().isBlank()
                        ? null
                        : offer.overrideReason().strip();
        return offeree(offer)
                .flatMap(offeree -> staffing.offer(itemId, offeree, validFor, override, coordinator.getSubject()))
                .map(assignment -> ResponseEntity.created(URI.create("/api/assignments/" + assignment.id()))
                        .body(assignment));
    }

    /** Everyone on the item, by name: places first, then offers, the waitlist in its order, then what ended. */
    @GetMapping("/api/programme-items/{itemId}/assignments")
    @PreAuthorize("hasRole('coordinator')")
    Mono<List<Assignments.ItemAssignment>> assignmentsOnItem(@PathVariable UUID itemId) {
        return staffing.onItem(itemId);
    }

    private Mono<Assignments.Offeree> offeree(Offer offer) {
        if (offer.teamId() != null) {
            if (offer.volunteerId() != null) {
                throw ProblemException.invalidField("teamId", "offer to a volunteer or to a team, not both");
            }
            if (offer.role() != null
                    && !VisitPlans.TEAM_SLOT.equals(offer.role().strip())) {
                throw ProblemException.invalidField("role", "a team takes a team slot; leave role out");
            }
            return teams.find(offer.teamId())
                    .switchIfEmpty(
                            Mono.error(() -> ProblemException.invalidField("teamId", "no team " + offer.teamId())))
                    .map(team -> new Assignments.Offeree(VisitPlans.TEAM_SLOT, team.leadVolunteerId(), team.id()));
        }
        if (offer.volunteerId() == null || offer.role() == null || offer.role().isBlank()) {
            throw ProblemException.invalidField("volunteerId", "name a volunteerId and role, or a teamId");
        }
        return Mono.just(new Assignments.Offeree(offer.role().strip(), offer.volunteerId(), null));
    }

    @PostMapping("/api/assignments/{id}/accept")
    Mono<Assignment> accept(@PathVariable UUID id, @AuthenticationPrincipal Jwt volunteer) {
        return staffing.accept(id, volunteer.getSubject());
    }

    @PostMapping("/api/assignments/{id}/decline")
    Mono<Assignment> decline(@PathVariable UUID id, @AuthenticationPrincipal Jwt volunteer) {
        return staffing.decline(id, volunteer.getSubject());
    }

    record Withdrawal(@NotBlank @Size(min = 1, max = 500) String reason) {}

    /** "Can no longer come": the place goes to the first person waiting. */
    @PostMapping("/api/assignments/{id}/withdraw")
    Mono<Assignment> withdraw(
            @PathVariable UUID id, @Valid @RequestBody Withdrawal withdrawal, @AuthenticationPrincipal Jwt volunteer) {
        return staffing.withdraw(id, volunteer.getSubject(), withdrawal.reason().strip(), Duration.ofHours(48));
    }

    /** After a reschedule asked for it; refused while the place still clashes with another. */
    @PostMapping("/api/assignments/{id}/reconfirm")
    Mono<Assignment> reconfirm(@PathVariable UUID id, @AuthenticationPrincipal Jwt volunteer) {
        return staffing.reconfirm(id, volunteer.getSubject());
    }

    @GetMapping("/api/volunteers/me/assignments")
    Flux<Assignments.Placement> mine(@AuthenticationPrincipal Jwt volunteer) {
        return staffing.mine(volunteer.getSubject());
    }

    @GetMapping("/api/visits/{visitId}/staffing")
    @PreAuthorize("hasRole('coordinator')")
    Mono<List<StaffingBoard.Line>> staffing(@PathVariable UUID visitId) {
        return board.of(visitId);
    }
}
