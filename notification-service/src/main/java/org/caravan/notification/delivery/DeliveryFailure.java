package org.caravan.notification.delivery;

/**
 * A send that did not succeed: permanent (no address, refused by the receiver) moves on to the next channel at
 * once; otherwise it is tried again later, with growing pauses, until the last try.
 */
public class DeliveryFailure extends RuntimeException {

    private final boolean permanent;

    public DeliveryFailure(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public static DeliveryFailure permanent(String message) {
        return new DeliveryFailure(message, true, null);
    }

    public boolean permanent() {
        return permanent;
    }
}
