package org.caravan.platform.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.caravan.platform.deadletter.DeadLetter.Status;
import org.caravan.platform.security.Redaction;
import org.caravan.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What operators do with the records this service's consumers could not apply: list them, look at one, send one
 * back to its topic once a fix is deployed, or discard one with a reason.
 */
@RestController
@Validated
@PreAuthorize("hasRole('operator')")
class DeadLetterController {

    private final DeadLetters deadLetters;
    private final Redelivery redelivery;
    private final TransactionalOperator transaction;
    private final DeadLetterBacklog backlog;

    DeadLetterController(
            DeadLetters deadLetters,
            Redelivery redelivery,
            TransactionalOperator transaction,
            DeadLetterBacklog backlog) {
        this.deadLetters = deadLetters;
        this.redelivery = redelivery;
        this.transaction = transaction;
        this.backlog = backlog;
    }

    record DeadLetterSummary(
            UUID id,
            @Schema(description = "The topic the record was consumed from") String topic,
            String key,
            String eventType,
            @Schema(description = "The class of the exception that dead-lettered it") String exception,
            String message,
            @Schema(description = "When it was first captured") Instant deadLetteredAt,
            Instant lastDeadLetteredAt,
            @Schema(description = "How many times this record (its event id) was dead-lettered while it waited")
                    int times,
            Status status) {}

    record DeadLetterHeader(String name, String value) {}

    record DeadLetterView(
            UUID id,
            String topic,
            Integer partition,
            Long offset,
            String key,
            String eventId,
            String eventType,
            String exception,
            String message,
            String stackTrace,
            Instant deadLetteredAt,
            Instant lastDeadLetteredAt,
            int times,
            Status status,
            Instant resolvedAt,
            @Schema(description = "The sign-in subject of the operator who replayed or discarded it") String resolvedBy,
            String reason,
            @Schema(description = "The dead-letter topic it was captured from") String deadLetterTopic,
            @Schema(description = "The record's value: UTF-8 text, or base64 when it is not text") String payload,
            @Schema(allowableValues = {"utf-8", "base64"}) String payloadEncoding,
            @Schema(description = "The original record's headers, sent back with it on a replay")
                    List<DeadLetterHeader> headers) {}

    record DeadLetterDiscard(@NotBlank @Size(max = 1000) String reason) {}

    @GetMapping("/api/dead-letters")
    @Operation(summary = "Dead letters of this service, newest first")
    Flux<DeadLetterSummary> deadLetters(
            @RequestParam(required = false) Status status,
            @Parameter(description = "Only the records of this key (an aggregate's id, as the record carried it)")
                    @RequestParam(required = false)
                    @Size(min = 1, max = 200)
                    String key,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return deadLetters.page(status, key, page, size).map(DeadLetterController::summary);
    }

    @GetMapping("/api/dead-letters/{id}")
    @Operation(summary = "One dead letter with its payload and headers")
    Mono<DeadLetterView> deadLetter(@PathVariable UUID id) {
        return deadLetters
                .find(id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Dead letter", id)))
                .map(DeadLetterController::view);
    }

    /**
     * Sent back to its original topic with its headers; its consumer applies it at most once, by its event id. The
     * dead letter is REPLAYED only once the broker has the record.
     */
    @PostMapping("/api/dead-letters/{id}/replay")
    @Operation(summary = "Send a waiting dead letter back to its original topic")
    Mono<DeadLetterView> replay(@PathVariable UUID id, @AuthenticationPrincipal Jwt operator) {
        return resolve(id, deadLetters.replayed(id, operator.getSubject()), "replayed", replayed -> redelivery
                .send(replayed)
                .onErrorMap(failed -> new ProblemException(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Not replayed",
                        "Kafka did not take the record in time; it still waits, try again"))
                .thenReturn(replayed));
    }

    @PostMapping("/api/dead-letters/{id}/discard")
    @Operation(summary = "Put a waiting dead letter aside for good, with the reason")
    Mono<DeadLetterView> discard(
            @PathVariable UUID id,
            @Valid @RequestBody DeadLetterDiscard discard,
            @AuthenticationPrincipal Jwt operator) {
        return resolve(
                id,
                deadLetters.discarded(
                        id, operator.getSubject(), discard.reason().strip()),
                "discarded",
                Mono::just);
    }

    private Mono<DeadLetterView> resolve(
            UUID id, Mono<DeadLetter> change, String done, Function<DeadLetter, Mono<DeadLetter>> then) {
        return change.flatMap(then)
                .switchIfEmpty(Mono.defer(() -> deadLetters
                        .find(id)
                        .flatMap(known -> Mono.<DeadLetter>error(ProblemException.conflict(
                                        "Not waiting",
                                        "Only a WAITING dead letter is " + done + "; this one is " + known.status())
                                .with("status", known.status().name())))
                        .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Dead letter", id)))))
                .as(transaction::transactional)
                .doOnSuccess(resolved -> backlog.measureSoon())
                .map(DeadLetterController::view);
    }

    private static DeadLetterSummary summary(DeadLetter letter) {
        return new DeadLetterSummary(
                letter.id(),
                letter.originalTopic(),
                text(letter.key()),
                letter.eventType(),
                letter.exceptionClass(),
                Redaction.redact(letter.exceptionMessage()),
                letter.deadLetteredAt(),
                letter.lastDeadLetteredAt(),
                letter.times(),
                letter.status());
    }

    private static DeadLetterView view(DeadLetter letter) {
        String payload = text(letter.value());
        boolean binary = letter.value() != null && payload == null;
        return new DeadLetterView(
                letter.id(),
                letter.originalTopic(),
                letter.originalPartition(),
                letter.originalOffset(),
                text(letter.key()),
                letter.eventId(),
                letter.eventType(),
                letter.exceptionClass(),
                Redaction.redact(letter.exceptionMessage()),
                Redaction.redact(letter.exceptionStackTrace()),
                letter.deadLetteredAt(),
                letter.lastDeadLetteredAt(),
                letter.times(),
                letter.status(),
                letter.resolvedAt(),
                letter.resolvedBy(),
                letter.reason(),
                letter.dlqTopic(),
                binary ? Base64.getEncoder().encodeToString(letter.value()) : Redaction.redact(payload),
                binary ? "base64" : "utf-8",
                letter.headers().stream()
                        .map(header -> {
                            String value = text(header.value());
                            return new DeadLetterHeader(
                                    header.name(),
                                    value == null
                                            ? "base64:" + Base64.getEncoder().encodeToString(header.value())
                                            : Redaction.redact(value));
                        })
                        .toList());
    }

    /** The bytes as UTF-8 text, or null when they are not. */
    static String text(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notText) {
            return null;
        }
    }
}
