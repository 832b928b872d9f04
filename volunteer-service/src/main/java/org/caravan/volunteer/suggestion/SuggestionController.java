package org.caravan.volunteer.suggestion;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Validated
class SuggestionController {

    private final Suggestions suggestions;

    SuggestionController(Suggestions suggestions) {
        this.suggestions = suggestions;
    }

    @GetMapping("/api/programme-items/{itemId}/suggestions")
    @PreAuthorize("hasRole('coordinator')")
    Mono<List<Suggestion>> suggestions(
            @PathVariable UUID itemId,
            @RequestParam String role,
            @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
        return suggestions.forRole(itemId, role.strip(), limit);
    }
}
