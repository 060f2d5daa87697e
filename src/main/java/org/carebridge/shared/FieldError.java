package org.carebridge.shared;

/** One bad field of a request: its JSON path (for example {@code observations.systolicBp}) and why. */
public record FieldError(String field, String message) {
}
