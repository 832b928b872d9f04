package org.caravan.donation.pledge;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.caravan.contracts.donation.ItemQuantity;
import org.caravan.contracts.donation.PledgeSnapshot;
import org.caravan.donation.donor.Caller;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@org.springframework.validation.annotation.Validated
@RequestMapping("/api/pledges")
@PreAuthorize("hasAnyRole('coordinator', 'donor_liaison')")
class PledgeController {

    private final Pledges pledges;
    private final PledgeStore store;
    private final PledgeRecords records;
    private final Receipts receipts;

    PledgeController(Pledges pledges, PledgeStore store, PledgeRecords records, Receipts receipts) {
        this.pledges = pledges;
        this.store = store;
        this.records = records;
        this.receipts = receipts;
    }

    record Pledge(
            @NotNull UUID donorId,
            UUID visitId,
            UUID siteId,
            @NotEmpty @Size(min = 1, max = 50) List<PledgeItems.@Valid @NotNull Item> items,
            @Size(max = 1000) String note) {}

    record Quantity(@NotNull @Min(1) Integer line, @NotNull @Min(1) @Max(10_000_000) Long quantity) {}

    record Movement(
            @NotEmpty @Size(min = 1, max = 50) List<@Valid @NotNull Quantity> quantities,
            @Size(max = 500) String overDeliveryReason) {}

    record ReceivedBy(
            @NotBlank @Size(min = 1, max = 100) String name, @NotBlank @Size(min = 1, max = 100) String role) {}

    record Delivery(
            @NotEmpty @Size(min = 1, max = 50) List<@Valid @NotNull Quantity> quantities,
            @NotNull @Valid ReceivedBy receivedBy,
            @Size(max = 200) String signatureRef) {}

    record Reason(@NotBlank @Size(min = 1, max = 500) String reason) {}

    record Destination(@NotNull UUID visitId) {}

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    Mono<ResponseEntity<PledgeSnapshot>> pledge(
            @Valid @RequestBody Pledge request, @AuthenticationPrincipal Jwt token) {
        List<Pledges.NewLine> lines =
                request.items().stream().map(PledgeItems::line).toList();
        return pledges.pledge(
                        request.donorId(),
                        request.visitId(),
                        request.siteId(),
                        lines,
                        request.note(),
                        Caller.of(token),
                        null)
                .map(pledge -> ResponseEntity.created(URI.create("/api/pledges/" + pledge.pledgeId()))
                        .body(pledge));
    }

    @GetMapping
    Flux<PledgeSnapshot> pledges(
            @RequestParam(required = false) UUID donorId,
            @RequestParam(required = false) UUID visitId,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
            @AuthenticationPrincipal Jwt token) {
        return store.list(Caller.of(token), donorId, visitId, status, limit);
    }

    @GetMapping("/{id}")
    Mono<PledgeRecords.PledgeView> pledge(@PathVariable UUID id, @AuthenticationPrincipal Jwt token) {
        return records.view(id, Caller.of(token));
    }

    @PostMapping("/{id}/receive")
    Mono<PledgeSnapshot> receive(
            @PathVariable UUID id, @Valid @RequestBody Movement movement, @AuthenticationPrincipal Jwt token) {
        String reason = movement.overDeliveryReason() == null
                        || movement.overDeliveryReason().isBlank()
                ? null
                : movement.overDeliveryReason().strip();
        return pledges.receive(id, quantities(movement.quantities()), reason, Caller.of(token));
    }

    @PostMapping("/{id}/dispatch")
    Mono<PledgeSnapshot> dispatch(
            @PathVariable UUID id, @Valid @RequestBody Movement movement, @AuthenticationPrincipal Jwt token) {
        return pledges.dispatch(id, quantities(movement.quantities()), Caller.of(token));
    }

    @PostMapping("/{id}/deliver")
    Mono<PledgeSnapshot> deliver(
            @PathVariable UUID id, @Valid @RequestBody Delivery delivery, @AuthenticationPrincipal Jwt token) {
        return pledges.deliver(
                id,
                quantities(delivery.quantities()),
                delivery.receivedBy().name().strip(),
                delivery.receivedBy().role().strip(),
                delivery.signatureRef(),
                Caller.of(token));
    }

    @PostMapping("/{id}/cancel")
    Mono<PledgeSnapshot> cancel(
            @PathVariable UUID id, @Valid @RequestBody Reason reason, @AuthenticationPrincipal Jwt token) {
        return pledges.cancel(id, reason.reason().strip(), Caller.of(token));
    }

    /** A held pledge (or any open one) goes to another scheduled visit. */
    @PostMapping("/{id}/move")
    Mono<PledgeSnapshot> move(
            @PathVariable UUID id, @Valid @RequestBody Destination destination, @AuthenticationPrincipal Jwt token) {
        return pledges.move(id, destination.visitId(), Caller.of(token));
    }

    @GetMapping("/{id}/receipt")
    Mono<Receipts.DeliveryReceipt> receipt(@PathVariable UUID id, @AuthenticationPrincipal Jwt token) {
        return receipts.of(id, Caller.of(token));
    }

    private static List<ItemQuantity> quantities(List<Quantity> quantities) {
        return quantities.stream()
                .map(q -> new ItemQuantity(q.line(), q.quantity()))
                .toList();
    }
}
