package org.caravan.notification.delivery;

import java.time.Instant;
import java.util.Optional;
import org.caravan.notification.recipient.Recipient;

/**
 * What happens to a delivery that is due: the inbox copy (rank 0) goes at once, the recipient's channel of that
 * rank goes now or, unless the notice is urgent, when their quiet hours end; without a channel of that rank it is
 * skipped, the inbox copy standing. After a failure: another try after a pause, or none, and then the next channel
 * takes over (never after the inbox, which has no next).
 */
final class DeliveryPolicy {

    static final String WEBHOOK = "WEBHOOK";

    sealed interface Due {}

    /** Sent now on this channel. */
    record Send(String channel) implements Due {}

    /** Sent on this channel when quiet hours end; a webhook keeps the URL it was due for. */
    record Defer(String channel, Instant notBefore, String webhookUrl) implements Due {}

    /** Nothing to send on: the recipient has no channel of this rank. */
    record Skip(String reason) implements Due {}

    sealed interface AfterFailure {}

    record TryAgain(Instant at) implements AfterFailure {}

    /** Failed for good; {@code nextChannel} says whether the recipient's next channel is tried. */
    record GiveUp(boolean nextChannel) implements AfterFailure {}

    private final RetryPolicy retries;

    DeliveryPolicy(RetryPolicy retries) {
        this.retries = retries;
    }

    Due due(Delivery delivery, Recipient recipient, Instant now) {
        String channel = delivery.rank() == 0 ? Recipient.INBOX : recipient.channelAt(delivery.rank());
        if (channel == null) {
            return new Skip("no other channel; the inbox copy stands");
        }
        Instant notBefore = delivery.urgent() || Recipient.INBOX.equals(channel) ? now : recipient.notInQuietHours(now);
        if (notBefore.isAfter(now)) {
            return new Defer(channel, notBefore, WEBHOOK.equals(channel) ? recipient.webhookUrl() : null);
        }
        return new Send(channel);
    }

    AfterFailure afterFailure(Delivery delivery, DeliveryFailure failure, Instant now) {
        Optional<Instant> next = retries.nextTry(delivery.attempts() + 1, failure.permanent(), now);
        return next.<AfterFailure>map(TryAgain::new).orElseGet(() -> new GiveUp(delivery.rank() != 0));
    }
}
