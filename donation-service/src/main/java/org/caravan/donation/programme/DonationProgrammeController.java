package org.caravan.donation.programme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.caravan.donation.donor.Caller;
import org.caravan.donation.pledge.PledgeItems;
import org.caravan.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@PreAuthorize("hasAnyRole('coordinator', 'donor_liaison')")
class DonationProgrammeController {

    /** A programme is planned for a few school years at most; a longer one is renewed. */
    private static final int MAX_YEARS = 10;

    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    private final DonationProgrammes programmes;

    DonationProgrammeController(DonationProgrammes programmes) {
        this.programmes = programmes;
    }

    record Programme(
            @NotNull UUID donorId,
            @NotNull UUID siteId,
            @NotEmpty @Size(min = 1, max = 50) List<PledgeItems.@Valid @NotNull Item> items,
            @NotNull @Min(1) @Max(52) Integer intervalWeeks,
            @NotNull LocalDate startsOn,
            LocalDate endsOn,
            @Size(max = 1000) String note) {}

    @GetMapping("/api/donation-programmes")
    Flux<DonationProgrammes.Programme> programmes(@AuthenticationPrincipal Jwt token) {
        return programmes.visibleTo(Caller.of(token));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/donation-programmes")
    Mono<ResponseEntity<DonationProgrammes.Programme>> start(
            @Valid @RequestBody Programme request, @AuthenticationPrincipal Jwt token) {
        if (request.startsOn().getYear() < FIRST_YEAR || request.startsOn().getYear() > LAST_YEAR) {
            throw ProblemException.invalidField("startsOn", "must be in the years " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        if (request.endsOn() != null && request.endsOn().isBefore(request.startsOn())) {
            throw ProblemException.invalidField("endsOn", "ends before it starts on " + request.startsOn());
        }
        if (request.endsOn() != null
                && request.endsOn().isAfter(request.startsOn().plusYears(MAX_YEARS))) {
            throw ProblemException.invalidField("endsOn", "is more than " + MAX_YEARS + " years after it starts");
        }
        return programmes
                .start(
                        request.donorId(),
                        request.siteId(),
                        request.items().stream().map(PledgeItems::line).toList(),
                        request.intervalWeeks(),
                        request.startsOn(),
                        request.endsOn(),
                        request.note(),
                        Caller.of(token))
                .map(programme -> ResponseEntity.created(URI.create("/api/donation-programmes/" + programme.id()))
                        .body(programme));
    }
}
