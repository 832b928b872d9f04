package org.caravan.donation;

import org.caravan.platform.testing.ServiceArchitecture;

class DonationServiceArchitectureTests extends ServiceArchitecture {

    DonationServiceArchitectureTests() {
        super("donation");
    }
}
