package org.caravan.contracts.donation;

import org.caravan.contracts.CaravanEvent;

/** Any pledge event on caravan.donations.v1, keyed by the pledge. */
public interface DonationEvent extends CaravanEvent {

    PledgeSnapshot pledge();

    @Override
    default String aggregateId() {
        return pledge().pledgeId().toString();
    }
}
