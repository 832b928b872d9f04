package org.caravan.identity.account;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Operators look accounts up and change their roles; new people come in by invitation. */
@RestController
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    record RolesChange(Set<String> roles) {}

    @GetMapping("/api/accounts/{subject}")
    Map<String, Object> account(@PathVariable String subject) {
        return describe(accounts.bySubject(subject).orElseThrow(() -> notFound(subject)));
    }

    @PutMapping("/api/accounts/{subject}/roles")
    Map<String, Object> roles(@PathVariable String subject, @RequestBody RolesChange change) {
        return describe(accounts.replaceRoles(subject, change.roles()));
    }

    private static ErrorResponseException notFound(String subject) {
        return new ErrorResponseException(
                HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No account " + subject),
                null);
    }

    private static Map<String, Object> describe(Account account) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", account.subject());
        body.put("email", account.email());
        body.put("name", account.name());
        body.put("roles", account.roles());
        body.put("locale", account.locale().toLanguageTag());
        body.put("status", account.status());
        body.put("createdAt", account.createdAt());
        return body;
    }
}
