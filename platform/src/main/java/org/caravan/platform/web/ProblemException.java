package org.caravan.platform.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A rule the request broke, answered as problem+json with a title users can act on. */
public class ProblemException extends ErrorResponseException {

    public ProblemException(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(HttpStatus.NOT_FOUND, what + " not found", "No " + what.toLowerCase() + " " + id);
    }

    /** A request field that refers to something that is not there, or breaks a rule: 400 naming the field. */
    public static ProblemException invalidField(String field, String message) {
        ProblemException problem =
                new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request", "Some fields are not valid");
        problem.getBody()
                .setProperty("errors", java.util.List.of(java.util.Map.of("field", field, "message", message)));
        return problem;
    }

    public static ProblemException conflict(String title, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, title, detail);
    }

    /** Adds a member to the problem body (RFC 9457 extension), e.g. the conflicting item a client can show. */
    public ProblemException with(String property, Object value) {
        getBody().setProperty(property, value);
        return this;
    }

    /** The caller's If-Match names a version someone else has already replaced. */
    public static ProblemException preconditionFailed(long expectedVersion, long currentVersion) {
        return new ProblemException(
                HttpStatus.PRECONDITION_FAILED,
                "Version mismatch",
                "You edited version " + expectedVersion + " but it is now " + currentVersion + "; reload and retry");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create(
                "https://caravan.example/problems/" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-")));
        return problem;
    }
}
