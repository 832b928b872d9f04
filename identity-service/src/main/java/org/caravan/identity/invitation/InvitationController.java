package org.caravan.identity.invitation;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.caravan.identity.account.Account;
import org.caravan.identity.account.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/invitations}: for operators (any role, so also coordinators and operators), and for the
 * services' client ({@code scope accounts.invite}: volunteers and donors' liaisons only, the people those
 * services register). 201 for a new account, 200 for one that existed.
 */
@RestController
class InvitationController {

    /** The roles a service may give the people it registers; the others need an operator. */
    static final Set<String> SERVICE_GRANTABLE = Set.of(Role.VOLUNTEER.claim(), Role.DONOR_LIAISON.claim());

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    @PostMapping("/api/invitations")
    ResponseEntity<Map<String, Object>> invite(@RequestBody Invitations.Invitation invitation, Authentication caller) {
        boolean operator = caller.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + Role.OPERATOR.claim()));
        if (!operator && invitation.roles() != null && !SERVICE_GRANTABLE.containsAll(invitation.roles())) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.FORBIDDEN, "Only an operator may invite with roles other than " + SERVICE_GRANTABLE);
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
        Invitations.Outcome outcome = invitations.invite(invitation);
        Map<String, Object> body = describe(outcome.account());
        body.put("invitationSent", outcome.linkSent());
        body.put("invitationExpiresAt", outcome.linkExpiresAt());
        body.put("mailFailed", outcome.mailFailed());
        return outcome.created()
                ? ResponseEntity.created(
                                URI.create("/api/accounts/" + outcome.account().subject()))
                        .body(body)
                : ResponseEntity.ok(body);
    }

    static Map<String, Object> describe(Account account) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", account.subject());
        body.put("email", account.email());
        body.put("name", account.name());
        body.put("roles", account.roles());
        body.put("locale", account.locale().toLanguageTag());
        body.put("status", account.status());
        return body;
    }
}
