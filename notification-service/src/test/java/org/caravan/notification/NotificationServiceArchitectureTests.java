package org.caravan.notification;

import org.caravan.platform.testing.ServiceArchitecture;

class NotificationServiceArchitectureTests extends ServiceArchitecture {

    NotificationServiceArchitectureTests() {
        super("notification");
    }
}
