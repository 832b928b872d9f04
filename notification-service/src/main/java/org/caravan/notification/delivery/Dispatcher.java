package org.caravan.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caravan.notification.message.Templates;
import org.caravan.notification.recipient.Recipient;
import org.caravan.notification.recipient.Recipients;
import org.caravan.platform.scheduling.Sweeps;
import org.caravan.platform.scheduling.Wakeup;
import org.caravan.platform.tracing.TracePropagation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Sends what is due. Each delivery is taken in its own transaction with its row locked (replicas skip locked
 * rows, so each is sent by one), rendered in the recipient's language, held back until their quiet hours end
 * unless urgent, and retried with growing pauses; after the last try, or a permanent refusal, it is FAILED and
 * the recipient's next channel gets its own delivery. A notice queued here is sent as soon as its transaction
 * commits; the periodic pass picks up retries, the end of quiet hours, and what other replicas queued. Inbox
 * copies are made as their notices are queued; the ones that come here are those not due then, those whose
 * recipient the directory did not know yet, and operators' retries.
 */
@Component
class Dispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Deliveries deliveries;
    private final Recipients recipients;
    private final Map<String, Channel> channels;
    private final TransactionalOperator transaction;
    private final DeliveryPolicy policy;
    private final Clock clock;
    private final TracePropagation traces;
    private final Wakeup passes = new Wakeup("deliveries", () -> Sweeps.run("Delivery", sendDue()));

    Dispatcher(
            Deliveries deliveries,
            Recipients recipients,
            List<Channel> channels,
            TransactionalOperator transaction,
            @Value("${caravan.notification.max-attempts:5}") int maxAttempts,
            @Value("${caravan.notification.first-retry-after:10s}") Duration firstPause,
            @Value("${caravan.notification.longest-retry-pause:10m}") Duration longestPause,
            Clock clock,
            TracePropagation traces) {
        this.clock = clock;
        this.traces = traces;
        this.deliveries = deliveries;
        this.recipients = recipients;
        this.channels = channels.stream().collect(Collectors.toMap(Channel::name, Function.identity()));
        this.transaction = transaction;
        this.policy = new DeliveryPolicy(new RetryPolicy(maxAttempts, firstPause, longestPause));
    }

    @Scheduled(
            fixedDelayString = "${caravan.notification.delivery-sweep-interval:1s}",
            initialDelayString = "${caravan.notification.delivery-sweep-interval:1s}")
    void sweep() {
        passes.now();
    }

    @EventListener
    void on(DeliveryQueued queued) {
        passes.now();
    }

    @Override
    public void destroy() {
        passes.close();
    }

    Mono<Long> sendDue() {
        return deliveries
                .due(200)
                .concatMap(id -> sendOne(id).as(transaction::transactional).onErrorResume(e -> {
                    log.warn("Delivery {} could not be processed; it stays queued", id, e);
                    return Mono.empty();
                }))
                .count();
    }

    /** Sending continues the trace the notice was queued in: its logs, and a webhook's traceparent, name it. */
    private Mono<Void> sendOne(UUID id) {
        return deliveries
                .take(id)
                .flatMap(
                        delivery -> traces.continuing(delivery.traceparent(), "caravan.delivery", sendTaken(delivery)));
    }

    private Mono<Void> sendTaken(Delivery delivery) {
        return Mono.defer(() -> recipients
                .find(delivery.recipient())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(recipient -> recipient.isPresent()
                        ? send(delivery, recipient.get())
                        : failed(delivery, null, new DeliveryFailure("recipient not known yet", false, null))));
    }

    private Mono<Void> send(Delivery delivery, Recipient recipient) {
        DeliveryPolicy.Due due = policy.due(delivery, recipient, clock.instant());
        if (due instanceof DeliveryPolicy.Skip skip) {
            return deliveries.skipped(delivery, skip.reason());
        }
        if (due instanceof DeliveryPolicy.Defer defer) {
            return deliveries.deferred(delivery, defer.channel(), defer.notBefore(), defer.webhookUrl());
        }
        String channel = ((DeliveryPolicy.Send) due).channel();
        return channels.get(channel)
                .send(delivery, recipient, Templates.render(delivery.kind(), delivery.params(), recipient.locale()))
                .then(Mono.defer(() -> deliveries.sent(delivery, channel)))
                .onErrorResume(DeliveryFailure.class, failure -> failed(delivery, channel, failure));
    }

    private Mono<Void> failed(Delivery delivery, String channel, DeliveryFailure failure) {
        DeliveryPolicy.AfterFailure after = policy.afterFailure(delivery, failure, clock.instant());
        if (after instanceof DeliveryPolicy.TryAgain again) {
            return deliveries.failedForNow(delivery, channel, failure.getMessage(), again.at());
        }
        return deliveries
                .failedForGood(delivery, channel, failure.getMessage())
                .then(
                        ((DeliveryPolicy.GiveUp) after).nextChannel()
                                ? deliveries.queueNextChannel(delivery, channel == null ? delivery.channel() : channel)
                                : Mono.empty());
    }
}
