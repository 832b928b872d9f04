package org.caravan.platform.webhook;

import java.io.IOException;

/** A connection that was not made because its destination is refused (see {@link WebhookDestinations}). */
public class RefusedDestinationException extends IOException {

    public RefusedDestinationException(String message) {
        super(message);
    }

    /** The refusal somewhere in a failure's causes, if it was one. */
    public static java.util.Optional<RefusedDestinationException> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedDestinationException refused) {
                return java.util.Optional.of(refused);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return java.util.Optional.empty();
    }
}
