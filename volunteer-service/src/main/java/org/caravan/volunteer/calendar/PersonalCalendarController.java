package org.caravan.volunteer.calendar;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class PersonalCalendarController {

    static final String FEED = "/api/volunteers/me/calendar.ics";
    private static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final PersonalCalendar calendar;

    PersonalCalendarController(PersonalCalendar calendar) {
        this.calendar = calendar;
    }

    record FeedLink(String url) {}

    /** A new personal feed link; the previous link stops working. */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/volunteers/me/calendar-token")
    Mono<ResponseEntity<FeedLink>> issue(@AuthenticationPrincipal Jwt volunteer) {
        return calendar.issueToken(volunteer.getSubject()).map(token -> {
            String url = FEED + "?token=" + token;
            return ResponseEntity.created(URI.create(url)).body(new FeedLink(url));
        });
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/api/volunteers/me/calendar-token")
    Mono<ResponseEntity<Void>> revoke(@AuthenticationPrincipal Jwt volunteer) {
        return calendar.revoke(volunteer.getSubject())
                .thenReturn(ResponseEntity.noContent().build());
    }

    /** Public in security terms: the token in the link is the credential (see caravan.security.public-paths). */
    @GetMapping(FEED)
    Mono<ResponseEntity<String>> feed(@RequestParam(required = false) String token) {
        return calendar.feed(token)
                .map(ics -> ResponseEntity.ok().contentType(TEXT_CALENDAR).body(ics));
    }
}
