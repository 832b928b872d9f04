package org.caravan.donation.pledge;

/** What a line of a pledge's history ({@code pledge_history.action}) says happened to it. */
enum HistoryAction {
    PLEDGED,
    RECEIVED,
    DISPATCHED,
    DELIVERED,
    CANCELLED,
    HELD,
    MOVED
}
