package org.caravan.donation.acknowledgement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.caravan.contracts.donation.AcknowledgementRecorded;
import org.caravan.donation.donor.Caller;
import org.caravan.donation.donor.Donors;
import org.caravan.donation.visit.VisitPlans;
import org.caravan.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Something given in return at a visit, like the students' paintings, to a donor or to a volunteer team. */
@RestController
@PreAuthorize("hasAnyRole('coordinator', 'donor_liaison')")
class AcknowledgementController {

    private final Clock clock;

    private final Acknowledgements acknowledgements;
    private final Donors donors;
    private final VisitPlans visits;
    private final TransactionalOperator transaction;

    AcknowledgementController(
            Acknowledgements acknowledgements,
            Donors donors,
            VisitPlans visits,
            TransactionalOperator transaction,
            Clock clock) {
        this.clock = clock;
        this.acknowledgements = acknowledgements;
        this.donors = donors;
        this.visits = visits;
        this.transaction = transaction;
    }

    record Acknowledgement(
            UUID donorId,
            @Size(max = 200) String teamName,
            @NotNull UUID visitId,
            @NotBlank @Size(min = 1, max = 1000) String description) {}

    /** A liaison acknowledges gifts to their own donors; gifts to a team are a coordinator's to record. */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/acknowledgements")
    Mono<ResponseEntity<AcknowledgementRecorded>> record(
            @Valid @RequestBody Acknowledgement request, @AuthenticationPrincipal Jwt token) {
        Caller caller = Caller.of(token);
        String team = request.teamName() == null || request.teamName().isBlank()
                ? null
                : request.teamName().strip();
        if ((request.donorId() == null) == (team == null)) {
            throw ProblemException.invalidField("donorId", "give a donorId or a teamName");
        }
        if (team != null && !caller.coordinator()) {
            throw ProblemException.invalidField("teamName", "only a coordinator records gifts to a volunteer team");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Mono<Void> donorKnown = request.donorId() == null
                ? Mono.empty()
                : donors.require(request.donorId(), caller).then();
        return donorKnown
                .then(visits.require(request.visitId(), "visitId"))
                .then(acknowledgements.record(
                        request.visitId(),
                        request.donorId(),
                        team,
                        request.description().strip(),
                        caller.subject(),
                        now))
                .as(transaction::transactional)
                .map(recorded -> ResponseEntity.created(URI.create("/api/visits/" + request.visitId() + "/donations"))
                        .body(recorded));
    }
}
