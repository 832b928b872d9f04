package org.caravan.volunteer.staffing;

import org.caravan.platform.security.AnswerLinks;
import org.caravan.platform.web.ProblemException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The answer links used so far ({@code used_answer_link}): a link's nonce is kept so that it answers once. */
@Component
class UsedAnswerLinks {

    private final DatabaseClient database;

    UsedAnswerLinks(DatabaseClient database) {
        this.database = database;
    }

    /**
     * Records the link as used, in the caller's transaction; refused (410) when it was used before, and not found
     * when it is signed for an assignment this service does not hold (withdrawn data, another environment).
     */
    Mono<Void> spend(AnswerLinks.Answer answer) {
        return database.sql(
                        "insert into used_answer_link (nonce, assignment_id, answer) values (:nonce, :assignment, :answer)")
                .bind("nonce", answer.nonce())
                .bind("assignment", answer.assignmentId())
                .bind("answer", answer.answer())
                .then()
                .onErrorMap(
                        DuplicateKeyException.class,
                        e -> new ProblemException(
                                HttpStatus.GONE, "Link already used", "This link has already been used"))
                .onErrorMap(
                        e -> e instanceof DataIntegrityViolationException && !(e instanceof DuplicateKeyException),
                        e -> ProblemException.notFound("Assignment", answer.assignmentId()));
    }
}
