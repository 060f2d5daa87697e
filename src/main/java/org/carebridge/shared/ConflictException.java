package org.carebridge.shared;

/** The request contradicts the stored state (a duplicate identifier, a stale version); answered with 409. */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field that conflicts, or null when the whole request does. */
    public String field() {
        return field;
    }
}
