package org.caravan.notification.inbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

@RestController
@RequestMapping("/api/inbox")
class InboxController {

    private final InboxRepository inbox;

    InboxController(InboxRepository inbox) {
        this.inbox = inbox;
    }

    /** The caller's own notices, newest first: the token's subject decides whose inbox this is. */
    @GetMapping
    Flux<InboxEntry> myInbox(
            @AuthenticationPrincipal Jwt person,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return inbox.findByRecipientOrderByCreatedAtDesc(person.getSubject(), PageRequest.of(page, size));
    }
}
