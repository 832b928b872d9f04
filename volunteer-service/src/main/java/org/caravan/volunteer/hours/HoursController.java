package org.caravan.volunteer.hours;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.caravan.platform.security.Roles;
import org.caravan.platform.web.ProblemException;
import org.caravan.volunteer.staffing.Assignment;
import org.caravan.volunteer.staffing.Assignments.Caller;
import org.caravan.volunteer.volunteer.VolunteerRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class HoursController {

    private final Attendance attendance;
    private final ServiceHoursLedger ledger;
    private final VolunteerRepository volunteers;

    HoursController(Attendance attendance, ServiceHoursLedger ledger, VolunteerRepository volunteers) {
        this.attendance = attendance;
        this.ledger = ledger;
        this.volunteers = volunteers;
    }

    /** Optional: when it happened, recorded afterwards by a coordinator. */
    record Moment(Instant at) {}

    record Correction(
            @NotNull @DecimalMin("-24") @DecimalMax("24") @Digits(integer = 2, fraction = 2) BigDecimal hours,
            @NotBlank @Size(min = 1, max = 500) String reason) {}

    @PostMapping("/api/assignments/{id}/check-in")
    Mono<Assignment> checkIn(
            @PathVariable UUID id, @RequestBody(required = false) Moment moment, @AuthenticationPrincipal Jwt caller) {
        return attendance.checkIn(id, caller(caller), moment == null ? null : moment.at());
    }

    @PostMapping("/api/assignments/{id}/check-out")
    Mono<Assignment> checkOut(
            @PathVariable UUID id, @RequestBody(required = false) Moment moment, @AuthenticationPrincipal Jwt caller) {
        return attendance.checkOut(id, caller(caller), moment == null ? null : moment.at());
    }

    @PostMapping("/api/assignments/{id}/no-show")
    @PreAuthorize("hasRole('coordinator')")
    Mono<Assignment> noShow(@PathVariable UUID id, @AuthenticationPrincipal Jwt coordinator) {
        return attendance.noShow(id, coordinator.getSubject());
    }

    @PostMapping("/api/assignments/{id}/hours/certify")
    @PreAuthorize("hasRole('coordinator')")
    Mono<ServiceHoursLedger.Statement> certify(@PathVariable UUID id, @AuthenticationPrincipal Jwt coordinator) {
        return ledger.certify(id, coordinator.getSubject()).flatMap(a -> ledger.statement(a.volunteerId()));
    }

    /** A new ledger entry with the signed change of hours and why; nothing recorded before is edited. */
    @PostMapping("/api/assignments/{id}/hours/corrections")
    @PreAuthorize("hasRole('coordinator')")
    Mono<ServiceHoursLedger.Statement> correct(
            @PathVariable UUID id,
            @Valid @RequestBody Correction correction,
            @AuthenticationPrincipal Jwt coordinator) {
        if (correction.hours().signum() == 0) {
            throw ProblemException.invalidField("hours", "a correction changes the hours; 0 changes nothing");
        }
        return ledger.correct(id, correction.hours(), correction.reason().strip(), coordinator.getSubject())
                .flatMap(a -> ledger.statement(a.volunteerId()));
    }

    /** A coordinator reads anyone's hours; a volunteer only their own (another's is "not found"). */
    @GetMapping("/api/volunteers/{id}/service-hours")
    Mono<ServiceHoursLedger.Statement> serviceHours(@PathVariable UUID id, @AuthenticationPrincipal Jwt caller) {
        Mono<UUID> allowed = Roles.has(caller, Roles.COORDINATOR)
                ? volunteers.existsById(id).filter(Boolean::booleanValue).map(known -> id)
                : volunteers
                        .findBySubject(caller.getSubject())
                        .filter(me -> me.id().equals(id))
                        .map(me -> id);
        return allowed.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Volunteer", id)))
                .flatMap(ledger::statement);
    }

    private static Caller caller(Jwt token) {
        return new Caller(token.getSubject(), Roles.has(token, Roles.COORDINATOR));
    }
}
