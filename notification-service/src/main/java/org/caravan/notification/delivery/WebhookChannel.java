package org.caravan.notification.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.caravan.notification.notice.Templates.Message;
import org.caravan.notification.recipient.Recipient;
import org.caravan.platform.EventJson;
import org.caravan.platform.security.Hmac;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Webhooks for group chats and partner systems. The JSON body is signed: {@code X-Caravan-Signature} is
 * {@code sha256=} and the hex HMAC-SHA256, with the shared secret, of {@code X-Caravan-Timestamp} (Unix
 * seconds), a dot, and the exact body. Receivers recompute it, and reject old timestamps to refuse replays;
 * {@code X-Caravan-Delivery} identifies the delivery, the same on every retry.
 */
@Component
class WebhookChannel implements Channel {

    static final String SIGNATURE = "X-Caravan-Signature";
    static final String TIMESTAMP = "X-Caravan-Timestamp";
    static final String DELIVERY = "X-Caravan-Delivery";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String secret;

    WebhookChannel(@Value("${caravan.notification.webhook-secret}") String secret) {
        this.secret = secret;
    }

    @Override
    public String name() {
        return "WEBHOOK";
    }

    @Override
    public Mono<Void> send(Delivery delivery, Recipient recipient, Message message) {
        if (recipient.webhookUrl() == null) {
            return Mono.error(DeliveryFailure.permanent("the recipient has no webhook URL"));
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
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(recipient.webhookUrl()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                    .header(DELIVERY, delivery.id().toString())
                    .header(TIMESTAMP, timestamp)
                    .header(SIGNATURE, "sha256=" + Hmac.sign(secret, timestamp + "." + body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException badUrl) {
            return Mono.error(DeliveryFailure.permanent("webhook URL is not usable: " + badUrl.getMessage()));
        }
        return Mono.fromFuture(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .onErrorMap(e -> new DeliveryFailure("webhook: " + e.getMessage(), false, e))
                .flatMap(response -> {
                    int status = response.statusCode();
                    if (status >= 200 && status < 300) {
                        return Mono.<Void>empty();
                    }
                    return Mono.error(new DeliveryFailure("webhook answered " + status, refusedForGood(status), null));
                });
    }

    /** A 4xx answer will not change on retry, except timeouts and rate limits. */
    private static boolean refusedForGood(int status) {
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }
}
