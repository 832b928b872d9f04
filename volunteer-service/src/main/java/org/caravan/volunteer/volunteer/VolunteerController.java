package org.caravan.volunteer.volunteer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.caravan.contracts.volunteer.ContactPreferences;
import org.caravan.platform.web.EntityVersions;
import org.caravan.platform.web.ProblemException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
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
@org.springframework.validation.annotation.Validated
@RequestMapping("/api/volunteers")
class VolunteerController {

    private final Clock clock;

    private final VolunteerRepository volunteers;
    private final VolunteerRegistry registry;

    VolunteerController(VolunteerRepository volunteers, VolunteerRegistry registry, Clock clock) {
        this.clock = clock;
        this.volunteers = volunteers;
        this.registry = registry;
    }

    record Registration(
            @NotBlank @Size(min = 1, max = 100) String name,
            @Size(max = 40) String phone,
            @Email @Size(max = 200) String email,
            @Size(max = 30) List<@NotBlank @Size(min = 1, max = 50) String> skills,
            @Size(max = 10) List<@NotBlank @Size(min = 1, max = 20) String> languages,
            @Size(max = 100) String district,
            @Pattern(regexp = "zh-CN|en") String locale,
            @Size(max = 64) String timeZone,
            @SafeWebhookUrl ContactPreferences contactPreferences,
            @Valid Availability availability,
            // Who signs in as this volunteer: without one, a token naming nobody would have matched them.
            @NotBlank @Size(min = 1, max = 200) String subject) {}

    /** What a volunteer may change about themselves; skills are vouched for by coordinators. */
    record Profile(
            @NotBlank @Size(min = 1, max = 100) String name,
            @Size(max = 40) String phone,
            @Email @Size(max = 200) String email,
            @Size(max = 10) List<@NotBlank @Size(min = 1, max = 20) String> languages,
            @Size(max = 100) String district,
            @Pattern(regexp = "zh-CN|en") String locale,
            @Size(max = 64) String timeZone,
            @SafeWebhookUrl ContactPreferences contactPreferences,
            @Valid Availability availability) {}

    /** Skills are kept upper-case (RECITATION, SINGING...) so that needs and people match regardless of spelling. */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @PreAuthorize("hasRole('coordinator')")
    Mono<ResponseEntity<Volunteer>> register(@Valid @RequestBody Registration request) {
        Volunteer volunteer = new Volunteer(
                null,
                request.subject().strip(),
                request.name().strip(),
                request.phone(),
                request.email(),
                normalised(request.skills()),
                orEmpty(request.languages()),
                request.district(),
                request.locale() == null ? "zh-CN" : request.locale(),
                request.timeZone() == null ? "Asia/Shanghai" : TimeZoneNames.require(request.timeZone()),
                ContactRules.validated(request.contactPreferences(), request.email()),
                request.availability() == null
                        ? Availability.UNKNOWN
                        : request.availability().validated(),
                clock.instant(),
                null);
        return registry.register(volunteer)
                .onErrorMap(
                        org.springframework.dao.DuplicateKeyException.class,
                        e -> ProblemException.conflict(
                                "Subject taken", "Another volunteer already signs in as " + request.subject()))
                .map(saved -> ResponseEntity.created(URI.create("/api/volunteers/" + saved.id()))
                        .body(saved));
    }

    @GetMapping("/me")
    Mono<ResponseEntity<Volunteer>> me(@AuthenticationPrincipal Jwt person) {
        return volunteers
                .findBySubject(person.getSubject())
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Volunteer profile", person.getSubject())))
                .map(VolunteerController::withETag);
    }

    /** Replaces the caller's own profile; send the ETag of the last read in If-Match. */
    @PutMapping("/me")
    Mono<ResponseEntity<Volunteer>> updateMe(
            @AuthenticationPrincipal Jwt person,
            @io.swagger.v3.oas.annotations.Parameter(
                            required = true,
                            description = "the ETag last read, as \"3\"; 428 without it")
                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch,
            @Valid @RequestBody Profile profile) {
        return registry.updateOwnProfile(person.getSubject(), ifMatch, profile).map(VolunteerController::withETag);
    }

    /** The coordinator's directory, by name; narrowed to one login ({@code subject}) or one skill. */
    @GetMapping
    @PreAuthorize("hasRole('coordinator')")
    Flux<Volunteer> directory(
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String skill,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        if (subject != null) {
            return volunteers.findBySubject(subject).flux();
        }
        if (skill != null) {
            return volunteers.findWithSkill(skill.strip().toUpperCase(Locale.ROOT), size, (long) page * size);
        }
        return volunteers.findAllBy(PageRequest.of(page, size, Sort.by("name", "id")));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('coordinator')")
    Mono<Volunteer> volunteer(@PathVariable UUID id) {
        return volunteers.findById(id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Volunteer", id)));
    }

    static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static ResponseEntity<Volunteer> withETag(Volunteer volunteer) {
        return ResponseEntity.ok()
                .eTag(EntityVersions.etag(volunteer.version()))
                .body(volunteer);
    }

    private static List<String> normalised(List<String> skills) {
        return skills == null
                ? List.of()
                : skills.stream()
                        .map(s -> s.strip().toUpperCase(Locale.ROOT))
                        .distinct()
                        .toList();
    }
}
