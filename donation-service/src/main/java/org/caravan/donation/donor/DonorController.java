package org.caravan.donation.donor;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
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
@RequestMapping("/api/donors")
@PreAuthorize("hasAnyRole('coordinator', 'donor_liaison')")
class DonorController {

    private final Donors donors;

    DonorController(Donors donors) {
        this.donors = donors;
    }

    record ContactRequest(
            @Size(max = 100) String name, @Size(max = 40) String phone, @Email @Size(max = 200) String email) {}

    record Registration(
            @NotBlank @Size(min = 1, max = 200) String name,
            @NotBlank @Pattern(regexp = "ORGANISATION|TEAM|INDIVIDUAL") String kind,
            @Valid ContactRequest contact,
            @Size(max = 200) String liaisonSubject) {}

    /** A liaison who registers a donor becomes its liaison, whatever the body says. */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    Mono<ResponseEntity<Donor>> register(@Valid @RequestBody Registration request, @AuthenticationPrincipal Jwt token) {
        Caller caller = Caller.of(token);
        ContactRequest contact = request.contact();
        return donors.register(
                        request.name().strip(),
                        request.kind(),
                        contact == null ? null : new Donor.Contact(contact.name(), contact.phone(), contact.email()),
                        caller.coordinator() ? request.liaisonSubject() : caller.subject(),
                        caller.subject())
                .map(donor -> ResponseEntity.created(URI.create("/api/donors/" + donor.id()))
                        .body(donor));
    }

    @GetMapping
    Flux<Donor> donors(@AuthenticationPrincipal Jwt token) {
        return donors.visibleTo(Caller.of(token));
    }

    @GetMapping("/{id}")
    Mono<Donor> donor(@PathVariable UUID id, @AuthenticationPrincipal Jwt token) {
        return donors.require(id, Caller.of(token));
    }
}
