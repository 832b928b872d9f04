package org.caravan.platform.messaging;

/** A record no retry can fix (unreadable, or missing its CloudEvents id): straight to the dead-letter topic. */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
