package org.caravan.notification.inbox;

import java.time.Instant;
import java.util.Optional;
import org.caravan.notification.recipient.Recipient;

/**
 * What becomes of a notice's inbox copy as the notice is queued. Made at once when it is due and the recipient
 * has a login; never for a recipient without one (there is no inbox to put it in); otherwise left queued for the
 * dispatcher, which sends it when it is due and tries again while the directory does not know the recipient yet.
 */
enum InboxCopy {
    NOW,
    NEVER,
    LATER;

    static final String NO_LOGIN = "the recipient has no login, so no inbox";

    static InboxCopy of(Optional<Recipient> recipient, Instant due, Instant now) {
        if (due.isAfter(now) || recipient.isEmpty()) {
            return LATER;
        }
        return recipient.get().subject() == null ? NEVER : NOW;
    }
}
