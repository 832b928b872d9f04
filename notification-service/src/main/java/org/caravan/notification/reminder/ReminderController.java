package org.caravan.notification.reminder;

import org.caravan.notification.reminder.Reminders.PlannedReminder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** What the caller will be reminded of, and when: their planned reminders, soonest first. */
@RestController
class ReminderController {

    private final Reminders reminders;

    ReminderController(Reminders reminders) {
        this.reminders = reminders;
    }

    @GetMapping("/api/reminders")
    Flux<PlannedReminder> myReminders(@AuthenticationPrincipal Jwt person) {
        return reminders.plannedFor(person.getSubject());
    }
}
