package org.caravan.volunteer;

import org.caravan.platform.testing.ServiceArchitecture;

class VolunteerServiceArchitectureTests extends ServiceArchitecture {

    VolunteerServiceArchitectureTests() {
        super("volunteer");
    }
}
