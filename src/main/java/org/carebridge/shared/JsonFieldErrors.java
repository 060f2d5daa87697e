package org.carebridge.shared;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Names the JSON field Jackson could not read, and says what was expected there. */
public final class JsonFieldErrors {

    private JsonFieldErrors() {
    }

    /** The bad field of a request body that failed to read; {@code cause} may be any exception Jackson threw. */
    public static FieldError describe(Throwable cause) {
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            if (mapping instanceof UnrecognizedPropertyException) {
                return new FieldError(field, "is not a known field");
            }
            if (mapping instanceof InvalidFormatException format && format.getTargetType() != null
                    && format.getTargetType().isEnum()) {
                String allowed = Arrays.stream(format.getTargetType().getEnumConstants())
                        .map(Object::toString).collect(Collectors.joining(", "));
                return new FieldError(field, "must be one of " + allowed);
            }
            Class<?> target = mapping instanceof InvalidFormatException format ? format.getTargetType() : null;
            return new FieldError(field, target == null ? "has the wrong type" : "must be a valid " + typeName(target));
        }
        if (cause instanceof JsonProcessingException) {
            return new FieldError("body", "is not valid JSON");
        }
        return new FieldError("body", "is missing or unreadable");
    }

    /** How a value type is called in messages to the client. */
    public static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number";
        }
        return switch (type.getSimpleName()) {
            case "UUID" -> "UUID";
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "Instant", "OffsetDateTime" -> "timestamp (ISO 8601)";
            case "LocalTime" -> "time (HH:MM)";
            case "Boolean", "boolean" -> "boolean";
            default -> type.getSimpleName();
        };
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
