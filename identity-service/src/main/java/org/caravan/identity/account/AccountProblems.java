package org.caravan.identity.account;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused account requests as problem+json: 404 for an unknown account, 409 for a taken e-mail, else 400. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class AccountProblems {

    @ExceptionHandler(Accounts.AccountException.class)
    ProblemDetail refused(Accounts.AccountException e) {
        HttpStatus status =
                switch (e.code()) {
                    case "unknown-account" -> HttpStatus.NOT_FOUND;
                    case "email-taken" -> HttpStatus.CONFLICT;
                    default -> HttpStatus.BAD_REQUEST;
                };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setProperty("code", e.code());
        return problem;
    }
}
