package org.caravan.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * What a caller sent that could not even be read, said as a field and what it must be: a body field of the wrong
 * type ({@code needs[0].headcount}: must be a whole number), JSON that is not JSON, a path or query parameter that
 * is not a UUID or not one of an enum's values. Never the reader's own message, which names our classes.
 */
public final class InputErrors {

    /** One refused field, as the {@code errors} of a problem+json answer list it. */
    public record FieldError(String field, String message) {
        public Map<String, Object> asMap() {
            return Map.of("field", field, "message", message);
        }
    }

    private InputErrors() {}

    public static Optional<FieldError> of(Throwable error) {
        JacksonException json = find(error, JacksonException.class);
        if (json != null) {
            return Optional.of(new FieldError(path(json), message(json)));
        }
        TypeMismatchException mismatch = find(error, TypeMismatchException.class);
        if (mismatch != null) {
            String name = mismatch.getPropertyName();
            if (name == null && error instanceof ServerWebInputException input && input.getMethodParameter() != null) {
                name = input.getMethodParameter().getParameterName();
            }
            return Optional.of(new FieldError(name == null ? "parameter" : name, expected(mismatch.getRequiredType())));
        }
        MissingRequestValueException missing = find(error, MissingRequestValueException.class);
        if (missing != null) {
            return Optional.of(new FieldError(missing.getName(), "is required"));
        }
        ServerWebInputException input = find(error, ServerWebInputException.class);
        if (input != null && input.getMethodParameter() != null) {
            if (input.getMethodParameter().hasParameterAnnotation(RequestBody.class)) {
                return Optional.of(new FieldError("body", "is required: a JSON object"));
            }
            String name = input.getMethodParameter().getParameterName();
            if (name != null) {
                return Optional.of(new FieldError(name, "is not valid"));
            }
        }
        return Optional.empty();
    }

    private static String path(JacksonException json) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : json.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String message(JacksonException json) {
        if (json instanceof InvalidNullException) {
            return "must not be null";
        }
        if (json instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (json instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return String.valueOf(instantiation.getCause().getMessage());
        }
        if (json instanceof MismatchedInputException mismatch) {
            String own = mismatch.getOriginalMessage();
            if (own != null && own.startsWith("must ")) {
                return own;
            }
            return expected(mismatch.getTargetType());
        }
        if (json instanceof StreamReadException read && read.getLocation() != null) {
            return "is not valid JSON (line " + read.getLocation().getLineNr() + ", column "
                    + read.getLocation().getColumnNr() + ")";
        }
        return "is not valid JSON";
    }

    static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name())
                            .collect(Collectors.joining(", "));
        }
        if (type == UUID.class) {
            return "must be a UUID such as 3f1c2a9e-8b7d-4c6e-9a1b-2d3e4f5a6b7c";
        }
        if (type == int.class
                || type == Integer.class
                || type == long.class
                || type == Long.class
                || type == short.class
                || type == Short.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a text";
        }
        if (type == LocalDate.class) {
            return "must be a date such as 2026-09-26";
        }
        if (type == LocalDateTime.class) {
            return "must be a local date and time such as 2026-09-26T09:30";
        }
        if (type == LocalTime.class) {
            return "must be a time of day such as 22:00";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "must be a date and time with its offset such as 2026-09-26T01:30:00Z";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        return "must be an object";
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
