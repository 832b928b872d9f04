package org.caravan.platform.web;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Every error a service answers is RFC 9457 problem+json: field errors for 400, the trace id for support,
 * and never a stack trace. Spring's own exceptions (404, 405, 415...) arrive here through the base class.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final java.util.Set<String> PRESENCE = java.util.Set.of("NotNull", "NotBlank", "NotEmpty");

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields are not valid");
        problem.setTitle("Invalid request");
        // One message per field: an empty name breaks @NotBlank and @Size(min = 1) at once; "must not be blank" says
        // it.
        Map<String, org.springframework.validation.FieldError> first = new java.util.LinkedHashMap<>();
        ex.getFieldErrors().stream()
                .sorted(java.util.Comparator.comparing(
                        (org.springframework.validation.FieldError error) -> !PRESENCE.contains(error.getCode())))
                .forEach(error -> first.putIfAbsent(error.getField(), error));
        List<Map<String, Object>> errors = first.values().stream()
                .map(error -> Map.<String, Object>of(
                        "field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (causedBy(ex, DataBufferLimitException.class)) {
            return problem(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "Request too large",
                    "The request body is larger than allowed",
                    exchange);
        }
        var refused = InputErrors.of(ex);
        if (refused.isPresent()) {
            ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields are not valid");
            problem.setTitle("Invalid request");
            problem.setProperty("errors", List.of(refused.get().asMap()));
            return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
        }
        return super.handleServerWebInputException(ex, headers, status, exchange);
    }

    /** A required query parameter, header or path part left out, named with "is required". */
    @Override
    protected Mono<ResponseEntity<Object>> handleMissingRequestValueException(
            org.springframework.web.server.MissingRequestValueException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            ServerWebExchange exchange) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some parameters are not valid");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", ex.getName(), "message", "is required")));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    /** A parameter outside its constraints ({@code @Min} on a page size...), named as the request names it. */
    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(
            org.springframework.web.method.annotation.HandlerMethodValidationException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            ServerWebExchange exchange) {
        List<Map<String, Object>> errors = new java.util.ArrayList<>();
        for (var result : ex.getParameterValidationResults()) {
            String name = requestName(result.getMethodParameter());
            if (result instanceof org.springframework.validation.method.ParameterErrors fields
                    && fields.hasFieldErrors()) {
                fields.getFieldErrors()
                        .forEach(error -> errors.add(Map.of(
                                "field", error.getField(), "message", String.valueOf(error.getDefaultMessage()))));
                continue;
            }
            result.getResolvableErrors()
                    .forEach(error ->
                            errors.add(Map.of("field", name, "message", String.valueOf(error.getDefaultMessage()))));
        }
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some parameters are not valid");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    private static String requestName(org.springframework.core.MethodParameter parameter) {
        var query = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
        if (query != null && !query.name().isEmpty()) {
            return query.name();
        }
        var path = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        var header = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        return String.valueOf(parameter.getParameterName());
    }

    @ExceptionHandler(AccessDeniedException.class)
    Mono<ResponseEntity<Object>> accessDenied(AccessDeniedException ex, ServerWebExchange exchange) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this", exchange);
    }

    /** A query or path parameter outside its constraints (e.g. page size), named with its message. */
    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    Mono<ResponseEntity<Object>> invalidParameter(
            jakarta.validation.ConstraintViolationException ex, ServerWebExchange exchange) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some parameters are not valid");
        problem.setTitle("Invalid request");
        problem.setProperty(
                "errors",
                ex.getConstraintViolations().stream()
                        .map(v -> java.util.Map.of(
                                "field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
                        .toList());
        return createResponseEntity(problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, exchange);
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    Mono<ResponseEntity<Object>> concurrentChange(OptimisticLockingFailureException ex, ServerWebExchange exchange) {
        return problem(
                HttpStatus.CONFLICT, "Changed meanwhile", "Someone else changed this; reload and try again", exchange);
    }

    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        R2dbcNonTransientResourceException.class,
        R2dbcTransientResourceException.class,
        ConnectException.class
    })
    Mono<ResponseEntity<Object>> databaseUnavailable(Exception ex, ServerWebExchange exchange) {
        log.warn("Database unavailable: {}", ex.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "The database cannot be reached; try again shortly");
        problem.setTitle("Service unavailable");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "2");
        return createResponseEntity(problem, headers, HttpStatus.SERVICE_UNAVAILABLE, exchange);
    }

    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<Object>> unexpected(Exception ex, ServerWebExchange exchange) {
        if (databaseUnreachable(ex)) {
            return databaseUnavailable(ex, exchange);
        }
        log.error(
                "Unexpected failure on {} {}",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                ex);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "Something went wrong on our side; quote the trace id to support",
                exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem) {
            String traceId = exchange.getAttribute(TraceIdWebFilter.ATTRIBUTE);
            if (traceId != null) {
                problem.setProperty("traceId", traceId);
            }
            if (problem.getInstance() == null) {
                problem.setInstance(exchange.getRequest()
                        .getURI()
                        .resolve(exchange.getRequest().getPath().value()));
            }
        }
        return super.createResponseEntity(body, headers, status, exchange);
    }

    private Mono<ResponseEntity<Object>> problem(
            HttpStatus status, String title, String detail, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return createResponseEntity(problem, new HttpHeaders(), status, exchange);
    }

    /**
     * The database went away under the request: no connection could be made or taken from the pool, a
     * transaction could not begin, or the connection closed mid-statement. Whatever layer wrapped it, it is a 503.
     */
    static boolean databaseUnreachable(Throwable error) {
        boolean r2dbc = causedBy(error, R2dbcException.class);
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof R2dbcNonTransientResourceException
                    || t instanceof R2dbcTransientResourceException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof ConnectException
                    || t.getClass().getName().startsWith("reactor.pool.")
                    || (r2dbc && t instanceof java.io.IOException)) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
