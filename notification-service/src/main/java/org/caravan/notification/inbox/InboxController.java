package org.caravan.notification.inbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.caravan.platform.web.ProblemException;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The caller's own notices: the token's subject decides whose inbox this is; another's entry is "not found". */
@RestController
@Validated
@RequestMapping("/api/inbox")
class InboxController {

    private final Clock clock;

    private static final Duration STREAM_POLL = Duration.ofSeconds(1);
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final InboxRepository inbox;
    private final DatabaseClient database;

    InboxController(InboxRepository inbox, DatabaseClient database, Clock clock) {
        this.clock = clock;
        this.inbox = inbox;
        this.database = database;
    }

    /** Unread first, then newest first. */
    @GetMapping
    Flux<InboxEntry> myInbox(
            @AuthenticationPrincipal Jwt person,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return inbox.page(person.getSubject(), size, (long) page * size);
    }

    @PostMapping("/{id}/read")
    Mono<InboxEntry> read(@PathVariable UUID id, @AuthenticationPrincipal Jwt person) {
        return inbox.markRead(
                        id, person.getSubject(), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS))
                .filter(rows -> rows == 1)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Inbox entry", id)))
                .then(inbox.findByIdAndRecipient(id, person.getSubject()))
                .flatMap(entry -> entry.deliveryId() == null
                        ? Mono.just(entry)
                        : database.sql("insert into delivery_status (delivery_id, status, detail)"
                                        + " values (:delivery, 'READ', 'read in the inbox')")
                                .bind("delivery", entry.deliveryId())
                                .then()
                                .thenReturn(entry));
    }

    /**
     * New entries as Server-Sent Events while the browser listens. It reads the database, not this replica's
     * memory, so entries written by any replica arrive. A comment opens the stream at once and another keeps it
     * alive through proxies.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<InboxEntry>> stream(@AuthenticationPrincipal Jwt person) {
        AtomicReference<Instant> seen = new AtomicReference<>(clock.instant());
        Flux<ServerSentEvent<InboxEntry>> notices = Flux.interval(STREAM_POLL)
                .concatMap(tick -> inbox.newerThan(person.getSubject(), seen.get()))
                .doOnNext(entry -> seen.set(entry.createdAt()))
                .map(entry -> ServerSentEvent.builder(entry)
                        .id(entry.id().toString())
                        .event("notice")
                        .build());
        Flux<ServerSentEvent<InboxEntry>> keepAlive = Flux.interval(KEEP_ALIVE)
                .map(tick -> ServerSentEvent.<InboxEntry>builder()
                        .comment("keep-alive")
                        .build());
        return Flux.merge(notices, keepAlive)
                .startWith(ServerSentEvent.<InboxEntry>builder()
                        .comment("connected")
                        .build());
    }
}
