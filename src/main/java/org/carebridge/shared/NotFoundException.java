package org.carebridge.shared;

/** The addressed resource does not exist; answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what);
    }
}
