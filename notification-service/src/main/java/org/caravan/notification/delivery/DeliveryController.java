package org.caravan.notification.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.caravan.platform.security.Redaction;
import org.caravan.platform.web.ProblemException;
import org.springframework.r2dbc.core.DatabaseClient;
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

    private final Clock clock;

    private final DatabaseClient database;
    private final Dispatcher dispatcher;
    private final TransactionalOperator transaction;

    DeliveryController(DatabaseClient database, Dispatcher dispatcher, TransactionalOperator transaction, Clock clock) {
        this.clock = clock;
        this.database = database;
        this.dispatcher = dispatcher;
        this.transaction = transaction;
    }

    record Step(String status, Instant at, String detail) {}

    record DeliveryView(Delivery delivery, List<Step> history) {}

    @GetMapping("/api/deliveries")
    Flux<DeliveryView> deliveries(
            @RequestParam(required = false) @Pattern(regexp = "QUEUED|SENT|FAILED|SKIPPED") String status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        DatabaseClient.GenericExecuteSpec select = database.sql("select * from delivery"
                        + " where cast(:status as text) is null or status = :status"
                        + " order by created_at desc limit :size offset :offset")
                .bind("size", size)
                .bind("offset", (long) page * size);
        select = status == null ? select.bindNull("status", String.class) : select.bind("status", status);
        return select.map(Delivery::from).all().concatMap(this::withHistory);
    }

    /** A failed delivery is queued again from its first try. */
    @PostMapping("/api/deliveries/{id}/retry")
    Mono<DeliveryView> retry(@PathVariable UUID id) {
        return database.sql("update delivery set status = 'QUEUED', attempts = 0, next_attempt_at = :now"
                        + " where id = :id and status = 'FAILED' returning *")
                .bind("now", clock.instant())
                .bind("id", id)
                .map(Delivery::from)
                .one()
                .switchIfEmpty(Mono.defer(() -> exists(id)
                        .flatMap(known -> Mono.error(
                                known
                                        ? ProblemException.conflict("Not failed", "Only a FAILED delivery is retried")
                                        : ProblemException.notFound("Delivery", id)))))
                .flatMap(queued -> dispatcher
                        .history(id, "QUEUED", "retried by an operator")
                        .thenReturn(queued))
                .as(transaction::transactional)
                .flatMap(this::withHistory);
    }

    private Mono<Boolean> exists(UUID id) {
        return database.sql("select 1 from delivery where id = :id")
                .bind("id", id)
                .map(row -> true)
                .one()
                .defaultIfEmpty(false);
    }

    private Mono<DeliveryView> withHistory(Delivery delivery) {
        return database.sql("select status, at, detail from delivery_status where delivery_id = :id order by id")
                .bind("id", delivery.id())
                .map(row -> new Step(
                        row.get("status", String.class),
                        row.get("at", OffsetDateTime.class).toInstant(),
                        row.get("detail", String.class)))
                .all()
                .collectList()
                .map(history -> new DeliveryView(
                        delivery.redacted(),
                        history.stream()
                                .map(step -> new Step(step.status(), step.at(), Redaction.redact(step.detail())))
                                .toList()));
    }
}
