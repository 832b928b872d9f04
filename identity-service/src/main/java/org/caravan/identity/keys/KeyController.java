package org.caravan.identity.keys;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators see the signing keys (never their private parts) and rotate them. */
@RestController
class KeyController {

    private final SigningKeys keys;
    private final Clock clock;

    KeyController(SigningKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @GetMapping("/api/keys")
    List<Map<String, Object>> keys() {
        Instant now = clock.instant();
        return keys.stored().stream()
                .map(key -> {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("kid", key.kid());
                    view.put("createdAt", key.createdAt());
                    view.put("retiredAt", key.retiredAt());
                    view.put("status", key.statusAt(now, keys.publication()));
                    if (key.retiredAt() != null) {
                        view.put("publishedUntil", key.retiredAt().plus(keys.publication()));
                    }
                    return view;
                })
                .toList();
    }

    @PostMapping("/api/keys/rotation")
    ResponseEntity<Map<String, Object>> rotate() {
        SigningKeys.Rotation rotation = keys.rotate();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kid", rotation.currentKid());
        body.put("previousKid", rotation.previousKid());
        body.put("previousPublishedFor", keys.publication().toString());
        return ResponseEntity.created(URI.create("/api/keys")).body(body);
    }
}
