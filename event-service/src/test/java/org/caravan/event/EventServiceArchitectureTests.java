package org.caravan.event;

import org.caravan.platform.testing.ServiceArchitecture;

class EventServiceArchitectureTests extends ServiceArchitecture {

    EventServiceArchitectureTests() {
        super("event");
    }
}
