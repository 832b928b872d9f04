package org.caravan.notification.delivery;

/** A committed transaction queued deliveries: the dispatcher sends them now rather than at its next pass. */
enum DeliveryQueued {
    INSTANCE
}
