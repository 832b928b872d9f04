package org.caravan.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caravan.notification.message.Templates;
import org.caravan.notification.notice.NoticeQueued;
import org.caravan.notification.recipient.Recipient;
import org.caravan.notification.recipient.Recipients;
import org.caravan.platform.scheduling.Sweeps;
import org.caravan.platform.scheduling.Wakeup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Sends what is due. Each delivery is taken in its own transaction with its row locked (replicas skip locked
 * rows, so each is sent by one), rendered in the recipient's language, held back until their quiet hours end
 * unless urgent, and retried with growing pauses; after the last try, or a permanent refusal, it is FAILED and
 * the recipient's next channel gets its own delivery. A notice queued here is sent as soon as its transaction
 * commits; the periodic pass picks up retries, the end of quiet hours, and what other replicas queued.
 */
@Component
class Dispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final DatabaseClient database;
    private final Recipients recipients;
    private final Map<String, Channel> channels;
    private final TransactionalOperator transaction;
    private final int maxAttempts;
    private final Duration firstPause;
    private final Duration longestPause;
    private final Clock clock;
    private final Wakeup passes = new Wakeup("deliveries", () -> Sweeps.run("Delivery", sendDue()));

    Dispatcher(
            DatabaseClient database,
            Recipients recipients,
            List<Channel> channels,
            TransactionalOperator transaction,
            @Value("${caravan.notification.max-attempts:5}") int maxAttempts,
            @Value("${caravan.notification.first-retry-after:10s}") Duration firstPause,
            @Value("${caravan.notification.longest-retry-pause:10m}") Duration longestPause,
            Clock clock) {
        this.clock = clock;
        this.database = database;
        this.recipients = recipients;
        this.channels = channels.stream().collect(Collectors.toMap(Channel::name, Function.identity()));
        this.transaction = transaction;
        this.maxAttempts = maxAttempts;
        this.firstPause = firstPause;
        this.longestPause = longestPause;
    }

    @Scheduled(
            fixedDelayString = "${caravan.notification.delivery-sweep-interval:1s}",
            initialDelayString = "${caravan.notification.delivery-sweep-interval:1s}")
    void sweep() {
        passes.now();
    }

    @EventListener
    void on(NoticeQueued queued) {
        passes.now();
    }

    @Override
    public void destroy() {
        passes.close();
    }

    Mono<Long> sendDue() {
        return database.sql("select id from delivery where status = 'QUEUED' and next_attempt_at <= :now"
                        + " order by next_attempt_at limit 200")
                .bind("now", clock.instant())
                .map(row -> row.get("id", UUID.class))
                .all()
                .concatMap(id -> sendOne(id).as(transaction::transactional).onErrorResume(e -> {
                    log.warn("Delivery {} could not be processed; it stays queued", id, e);
                    return Mono.empty();
                }))
                .count();
    }

    private Mono<Void> sendOne(UUID id) {
        return database.sql("select * from delivery where id = :id and status = 'QUEUED' and next_attempt_at <= :now"
                        + " for update skip locked")
                .bind("now", clock.instant())
                .bind("id", id)
                .map(Delivery::from)
                .one()
                .flatMap(delivery -> recipients
                        .find(delivery.recipient())
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(recipient -> recipient.isPresent()
                                ? send(delivery, recipient.get())
                                : failed(delivery, null, new DeliveryFailure("recipient not known yet", false, null))));
    }

    private Mono<Void> send(Delivery delivery, Recipient recipient) {
        String channelName = delivery.rank() == 0 ? Recipient.INBOX : recipient.channelAt(delivery.rank());
        if (channelName == null) {
            return mark(delivery.id(), "SKIPPED", null, "no other channel; the inbox copy stands");
        }
        Channel channel = channels.get(channelName);
        Instant now = clock.instant();
        Instant notBefore = delivery.urgent() || channel instanceof InboxChannel ? now : recipient.notInQuietHours(now);
        if (notBefore.isAfter(now)) {
            // A webhook keeps the URL it was queued for, as when it is sent at once.
            DatabaseClient.GenericExecuteSpec defer = database.sql(
                            "update delivery set channel = :channel, next_attempt_at = :at,"
                                    + " target_url = coalesce(target_url, :url) where id = :id")
                    .bind("channel", channelName)
                    .bind("at", notBefore)
                    .bind("id", delivery.id());
            String url = "WEBHOOK".equals(channelName) ? recipient.webhookUrl() : null;
            return (url == null ? defer.bindNull("url", String.class) : defer.bind("url", url))
                    .then()
                    .then(history(delivery.id(), "DEFERRED", "quiet hours until " + notBefore));
        }
        return channel.send(
                        delivery, recipient, Templates.render(delivery.kind(), delivery.params(), recipient.locale()))
                .then(Mono.defer(() -> mark(delivery.id(), "SENT", channelName, null)))
                .onErrorResume(DeliveryFailure.class, failure -> failed(delivery, channelName, failure));
    }

    private Mono<Void> failed(Delivery delivery, String channel, DeliveryFailure failure) {
        int attempts = delivery.attempts() + 1;
        if (!failure.permanent() && attempts < maxAttempts) {
            Instant next = clock.instant().plus(pauseAfter(attempts));
            return withChannel(
                            database.sql(
                                            "update delivery set attempts = :attempts, next_attempt_at = :next,"
                                                    + " last_error = :error, channel = coalesce(:channel, channel) where id = :id")
                                    .bind("attempts", attempts)
                                    .bind("next", next)
                                    .bind("error", failure.getMessage())
                                    .bind("id", delivery.id()),
                            channel)
                    .then()
                    .then(history(delivery.id(), "RETRYING", failure.getMessage() + "; next try at " + next));
        }
        return withChannel(
                        database.sql("update delivery set status = 'FAILED', attempts = :attempts, last_error = :error,"
                                        + " channel = coalesce(:channel, channel) where id = :id")
                                .bind("attempts", attempts)
                                .bind("error", failure.getMessage())
                                .bind("id", delivery.id()),
                        channel)
                .then()
                .then(history(delivery.id(), "FAILED", failure.getMessage()))
                .then(delivery.rank() == 0 ? Mono.empty() : nextChannel(delivery));
    }

    /** The recipient's next preferred channel gets the notice, queued now. */
    private Mono<Void> nextChannel(Delivery failed) {
        return database.sql(
                        """
                        insert into delivery (event_id, recipient, rank, kind, subject_id, params, urgent, status, next_attempt_at)
                        select event_id, recipient, rank + 1, kind, subject_id, params, urgent, 'QUEUED', :now
                        from delivery where id = :id
                        on conflict (event_id, recipient, rank) do nothing
                        returning id
                        """)
                .bind("id", failed.id())
                .bind("now", clock.instant())
                .map(row -> row.get("id", UUID.class))
                .one()
                .flatMap(next -> history(next, "QUEUED", "after " + failed.channel() + " failed"));
    }

    /** Exponential: the first pause, doubled after each try, never longer than the longest. */
    Duration pauseAfter(int attempts) {
        Duration pause = firstPause.multipliedBy(1L << Math.min(attempts - 1, 20));
        return pause.compareTo(longestPause) > 0 ? longestPause : pause;
    }

    private Mono<Void> mark(UUID id, String status, String channel, String detail) {
        return withChannel(
                        database.sql("update delivery set status = :status, channel = coalesce(:channel, channel),"
                                        + " attempts = attempts + 1 where id = :id")
                                .bind("status", status)
                                .bind("id", id),
                        channel)
                .then()
                .then(history(id, status, detail));
    }

    private static DatabaseClient.GenericExecuteSpec withChannel(
            DatabaseClient.GenericExecuteSpec spec, String channel) {
        return channel == null ? spec.bindNull("channel", String.class) : spec.bind("channel", channel);
    }

    Mono<Void> history(UUID id, String status, String detail) {
        DatabaseClient.GenericExecuteSpec insert = database.sql(
                        "insert into delivery_status (delivery_id, status, at, detail) values (:id, :status, :at, :detail)")
                .bind("id", id)
                .bind("status", status)
                .bind("at", clock.instant().truncatedTo(ChronoUnit.MICROS));
        return (detail == null ? insert.bindNull("detail", String.class) : insert.bind("detail", detail)).then();
    }
}
