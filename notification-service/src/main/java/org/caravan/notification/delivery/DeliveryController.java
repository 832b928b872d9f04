package org.caravan.notification.delivery;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;
import org.caravan.platform.security.Redaction;
import org.caravan.platform.web.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What operators watch: deliveries by status with their history, and a retry for the failed ones. */
@RestController
@Validated
@PreAuthorize("hasRole('operator')")
class DeliveryController {

    private final Deliveries deliveries;
    private final TransactionalOperator transaction;

    DeliveryController(Deliveries deliveries, TransactionalOperator transaction) {
        this.deliveries = deliveries;
        this.transaction = transaction;
    }

    record DeliveryView(Delivery delivery, List<Deliveries.Step> history) {}

    @GetMapping("/api/deliveries")
    Flux<DeliveryView> deliveries(
            @RequestParam(required = false) @Pattern(regexp = "QUEUED|SENT|FAILED|SKIPPED") String status,
            @Parameter(
                            description =
                                    "Only the deliveries to this recipient, as `volunteer:<id>` or `subject:<sign-in subject>`")
                    @RequestParam(required = false)
                    @Pattern(regexp = "(volunteer|subject):\\S{1,200}")
                    String recipient,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return deliveries.page(status, recipient, page, size).concatMap(this::withHistory);
    }

    /** One delivery with its history: what an operator follows after sending it again. */
    @GetMapping("/api/deliveries/{id}")
    Mono<DeliveryView> delivery(@PathVariable UUID id) {
        return deliveries
                .find(id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Delivery", id)))
                .flatMap(this::withHistory);
    }

    /** A failed delivery is queued again from its first try. */
    @PostMapping("/api/deliveries/{id}/retry")
    Mono<DeliveryView> retry(@PathVariable UUID id) {
        return deliveries
                .retry(id)
                .switchIfEmpty(Mono.defer(() -> deliveries
                        .exists(id)
                        .flatMap(known -> Mono.error(
                                known
                                        ? ProblemException.conflict("Not failed", "Only a FAILED delivery is retried")
                                        : ProblemException.notFound("Delivery", id)))))
                .as(transaction::transactional)
                .flatMap(this::withHistory);
    }

    private Mono<DeliveryView> withHistory(Delivery delivery) {
        return deliveries
                .history(delivery.id())
                .map(step -> new Deliveries.Step(step.status(), step.at(), Redaction.redact(step.detail())))
                .collectList()
                .map(history -> new DeliveryView(delivery.redacted(), history));
    }
}
