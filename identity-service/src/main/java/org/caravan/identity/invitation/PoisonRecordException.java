package org.caravan.identity.invitation;

/**
 * A record no retry can make readable: no CloudEvents type or id, an event version this build does not know, or a
 * payload that is not the event's JSON. It goes straight to the dead-letter topic.
 */
class PoisonRecordException extends RuntimeException {

    PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
