package org.carebridge.recordrelease;

/** The bundle was released, but its 30 days are over: access is revoked (410 Gone). */
public class BundleExpiredException extends RuntimeException {

    public BundleExpiredException(String message) {
        super(message);
    }
}
