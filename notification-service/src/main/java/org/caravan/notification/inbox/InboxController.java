package org.caravan.notification.inbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.caravan.notification.delivery.Deliveries;
import org.caravan.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
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

    /** Tokens expire in real time, as the services' token validation checks them; not on the rules' clock. */
    private static final Clock TOKEN_TIME = Clock.systemUTC();

    private final InboxEntries inbox;
    private final Deliveries deliveries;
    private final InboxStreams streams;

    InboxController(InboxEntries inbox, Deliveries deliveries, InboxStreams streams, Clock clock) {
        this.clock = clock;
        this.streams = streams;
        this.inbox = inbox;
        this.deliveries = deliveries;
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
        return inbox.markRead(id, person.getSubject())
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Inbox entry", id)))
                .flatMap(entry -> entry.deliveryId() == null
                        ? Mono.just(entry)
                        : deliveries.read(entry.deliveryId()).thenReturn(entry));
    }

    /**
     * New entries as Server-Sent Events while the browser listens. It reads the database, not this replica's
     * memory, so entries written by any replica arrive. A comment opens the stream at once and another keeps it
     * alive through proxies. The stream ends when the token it was opened with expires, with an
     * {@code event: token-expired} so the app reconnects with a fresh one; a person holds a few streams at most.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<InboxEntry>> stream(@AuthenticationPrincipal Jwt person) {
        Runnable close = streams.open(person.getSubject())
                .orElseThrow(() -> new ProblemException(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "Too many inbox streams",
                        "You have " + streams.perPerson() + " inbox streams open already; close one first"));
        Duration lifetime = person.getExpiresAt() == null
                ? Duration.ZERO
                : Duration.between(TOKEN_TIME.instant(), person.getExpiresAt());
        ServerSentEvent<InboxEntry> expired = ServerSentEvent.<InboxEntry>builder()
                .event("token-expired")
                .comment("the token this stream was opened with has expired; reconnect with a fresh one")
                .build();
        return Flux.concat(live(person).take(lifetime.isNegative() ? Duration.ZERO : lifetime), Mono.just(expired))
                .doFinally(signal -> close.run());
    }

    private Flux<ServerSentEvent<InboxEntry>> live(Jwt person) {
        StreamCursor cursor = new StreamCursor(clock.instant(), StreamCursor.LOOK_BACK);
        Flux<ServerSentEvent<InboxEntry>> notices = Flux.interval(STREAM_POLL)
                .concatMap(tick -> inbox.stampedSince(person.getSubject(), cursor.readFrom(clock.instant())))
                .filter(cursor::firstSight)
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
