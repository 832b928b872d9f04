package org.caravan.volunteer.staffing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class StaffingController {

    private final Staffing staffing;
    private final StaffingBoard board;

    StaffingController(Staffing staffing, StaffingBoard board) {
        this.staffing = staffing;
        this.board = board;
    }

    record Offer(@NotBlank String role, @NotNull UUID volunteerId, @Min(1) @Max(720) Integer offerExpiresInHours) {}

    @PostMapping("/api/programme-items/{itemId}/assignments")
    @PreAuthorize("hasRole('coordinator')")
    Mono<ResponseEntity<Assignment>> offer(@PathVariable UUID itemId, @Valid @RequestBody Offer offer) {
        Duration validFor = Duration.ofHours(offer.offerExpiresInHours() == null ? 48 : offer.offerExpiresInHours());
        return staffing.offer(itemId, offer.role().strip(), offer.volunteerId(), validFor)
                .map(assignment -> ResponseEntity.created(URI.create("/api/assignments/" + assignment.id()))
                        .body(assignment));
    }

    @PostMapping("/api/assignments/{id}/accept")
    Mono<Assignment> accept(@PathVariable UUID id, @AuthenticationPrincipal Jwt volunteer) {
        return staffing.accept(id, volunteer.getSubject());
    }

    @PostMapping("/api/assignments/{id}/decline")
    Mono<Assignment> decline(@PathVariable UUID id, @AuthenticationPrincipal Jwt volunteer) {
        return staffing.decline(id, volunteer.getSubject());
    }

    record Withdrawal(@NotBlank @jakarta.validation.constraints.Size(max = 500) String reason) {}

    /** "Can no longer come": the place goes to the first person waiting. */
    @PostMapping("/api/assignments/{id}/withdraw")
    Mono<Assignment> withdraw(
            @PathVariable UUID id, @Valid @RequestBody Withdrawal withdrawal, @AuthenticationPrincipal Jwt volunteer) {
        return staffing.withdraw(id, volunteer.getSubject(), withdrawal.reason().strip(), Duration.ofHours(48));
    }

    @GetMapping("/api/volunteers/me/assignments")
    Flux<Assignment> mine(@AuthenticationPrincipal Jwt volunteer) {
        return staffing.mine(volunteer.getSubject());
    }

    @GetMapping("/api/visits/{visitId}/staffing")
    @PreAuthorize("hasRole('coordinator')")
    Mono<List<StaffingBoard.Line>> staffing(@PathVariable UUID visitId) {
        return board.of(visitId);
    }
}
