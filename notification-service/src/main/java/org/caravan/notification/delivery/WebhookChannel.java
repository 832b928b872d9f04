package org.caravan.notification.delivery;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.caravan.notification.message.Templates.Message;
import org.caravan.notification.recipient.Recipient;
import org.caravan.platform.EventJson;
import org.caravan.platform.TraceIds;
import org.caravan.platform.security.Hmac;
import org.caravan.platform.tracing.TracePropagation;
import org.caravan.platform.webhook.RefusedDestinationException;
import org.caravan.platform.webhook.WebhookDestinations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Webhooks for group chats and partner systems. The JSON body is signed: {@code X-Caravan-Signature} is
 * {@code sha256=} and the hex HMAC-SHA256, with the shared secret, of {@code X-Caravan-Timestamp} (Unix
 * seconds), a dot, and the exact body. Receivers recompute it, and reject old timestamps to refuse replays;
 * {@code X-Caravan-Delivery} identifies the delivery, the same on every retry.
 *
 * <p>The URL is the volunteer's choice, so it must not reach this machine, the internal network or a cloud's
 * metadata service ({@link WebhookDestinations}): it is judged as written, and again by the client's name
 * resolution, which resolves once, checks every address and connects only to checked ones. Redirects are not
 * followed. A refused destination fails the delivery for good (the next channel takes over). A delivery keeps the
 * URL of its first try ({@code delivery.target_url}): its retries go there, not to a URL set since.
 */
@Component
class WebhookChannel implements Channel {

    static final String SIGNATURE = "X-Caravan-Signature";
    static final String TIMESTAMP = "X-Caravan-Timestamp";
    static final String DELIVERY = "X-Caravan-Delivery";

    /**
     * The receiver compares the signed timestamp with its own clock to refuse replays, so it is real time, as a
     * token's expiry is: never the business clock, which the local run and tests may shift.
     */
    private final Clock realTime = Clock.systemUTC();

    private final HttpClient http;
    private final String secret;
    private final WebhookDestinations destinations;
    private final Deliveries deliveries;
    private final TracePropagation traces;

    WebhookChannel(
            @Value("${caravan.notification.webhook-secret}") String secret,
            WebhookDestinations destinations,
            Deliveries deliveries,
            TracePropagation traces) {
        this.traces = traces;
        this.secret = secret;
        this.destinations = destinations;
        this.deliveries = deliveries;
        this.http = HttpClient.newConnection()
                .resolver(destinations.resolverGroup())
                .followRedirect(false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .responseTimeout(Duration.ofSeconds(10));
    }

    @Override
    public String name() {
        return "WEBHOOK";
    }

    @Override
    public Mono<Void> send(Delivery delivery, Recipient recipient, Message message) {
        return target(delivery, recipient)
                .switchIfEmpty(Mono.error(() -> DeliveryFailure.permanent("the recipient has no webhook URL")))
                .flatMap(url -> post(url, delivery, recipient, message));
    }

    /**
     * The URL this delivery was first tried at, kept on its row; on the first try, the recipient's URL, kept
     * there from now on. The row is locked by the dispatcher's transaction, which this statement joins.
     */
    private Mono<String> target(Delivery delivery, Recipient recipient) {
        return deliveries.keepTarget(delivery.id(), recipient.webhookUrl());
    }

    private Mono<Void> post(String url, Delivery delivery, Recipient recipient, Message message) {
        Optional<String> refusal = destinations.refusal(url);
        if (refusal.isPresent()) {
            return Mono.error(DeliveryFailure.permanent("webhook destination refused: the URL " + refusal.get()));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("deliveryId", delivery.id());
        payload.put("kind", delivery.kind());
        payload.put("subjectId", delivery.subjectId());
        payload.put("locale", recipient.locale());
        payload.put("title", message.title());
        payload.put("body", message.body());
        payload.put("data", delivery.params());
        String body = EventJson.write(payload);
        String timestamp = String.valueOf(realTime.instant().getEpochSecond());
        return Mono.deferContextual(context -> post(url, body, timestamp, delivery, traces.traceparent(context)));
    }

    /** The receiver is handed the trace too (W3C traceparent), so a partner system can continue it. */
    private Mono<Void> post(
            String url, String body, String timestamp, Delivery delivery, Optional<String> traceparent) {
        return http.headers(headers -> {
                    headers.set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                            .set(DELIVERY, delivery.id().toString())
                            .set(TIMESTAMP, timestamp)
                            .set(SIGNATURE, "sha256=" + Hmac.sign(secret, timestamp + "." + body));
                    traceparent.ifPresent(value -> headers.set(TraceIds.TRACEPARENT, value));
                })
                .post()
                .uri(URI.create(url.strip()))
                .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body.getBytes(StandardCharsets.UTF_8))))
                .response()
                .onErrorMap(error -> !(error instanceof DeliveryFailure), WebhookChannel::failure)
                .flatMap(response -> {
                    int status = response.status().code();
                    if (status >= 200 && status < 300) {
                        return Mono.<Void>empty();
                    }
                    if (status >= 300 && status < 400) {
                        return Mono.error(DeliveryFailure.permanent(
                                "webhook answered " + status + "; redirects are not followed"));
                    }
                    return Mono.error(new DeliveryFailure("webhook answered " + status, refusedForGood(status), null));
                });
    }

    /** A refused destination will not become acceptable on retry; anything else on the way may pass. */
    private static DeliveryFailure failure(Throwable error) {
        return RefusedDestinationException.in(error)
                .map(refused -> new DeliveryFailure("webhook destination refused: " + refused.getMessage(), true, null))
                .orElseGet(() -> new DeliveryFailure(
                        "webhook: "
                                + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage()),
                        false,
                        error));
    }

    /** A 4xx answer will not change on retry, except timeouts and rate limits. */
    private static boolean refusedForGood(int status) {
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }
}
