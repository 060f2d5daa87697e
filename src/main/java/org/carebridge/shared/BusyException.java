package org.carebridge.shared;

import java.time.Duration;

/**
 * CareBridge has no room for this work now (every solver place is taken); answered with 429 and a
 * {@code Retry-After} of {@link #retryAfter()}, nothing stored.
 */
public class BusyException extends RuntimeException {

    private final Duration retryAfter;

    public BusyException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter.isNegative() || retryAfter.isZero() ? Duration.ofSeconds(1) : retryAfter;
    }

    /** When a place is likely to be free again; at least a second. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up, as the {@code Retry-After} header gives them. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
