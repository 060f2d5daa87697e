package org.carebridge.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The recent failed sign-ins of one account or one source address. A lock does not count down the
 * failures that caused it: once it ends, {@code threshold} more failures lock again, twice as long.
 * A whole quiet window (no failure, no lock) forgets the earlier locks. Not thread-safe: each copy
 * lives in one database transaction (see {@link StoredSignInFailures}).
 */
final class FailedSignIns {

    private final SignInBackOff backOff;
    private int failures;
    private Instant windowStart;
    private int locks;
    private Instant lockedUntil;
    private Instant lastActivity;

    FailedSignIns(SignInBackOff backOff) {
        this.backOff = backOff;
    }

    /** The tally as it was stored. */
    FailedSignIns(SignInBackOff backOff, int failures, Instant windowStart, int locks, Instant lockedUntil,
            Instant lastActivity) {
        this.backOff = backOff;
        this.failures = failures;
        this.windowStart = windowStart;
        this.locks = locks;
        this.lockedUntil = lockedUntil;
        this.lastActivity = lastActivity;
    }

    /** The end of the current lock, if locked at {@code now}. */
    Optional<Instant> lockedUntil(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil) ? Optional.of(lockedUntil) : Optional.empty();
    }

    /** Counts a failure at {@code now}; the end of the lock it starts, if it starts one. */
    Optional<Instant> fail(Instant now) {
        if (lastActivity != null && quietSince(now)) {
            locks = 0;
        }
        if (windowStart == null || Duration.between(windowStart, now).compareTo(backOff.window()) > 0) {
            windowStart = now;
            failures = 0;
        }
        failures++;
        lastActivity = now;
        if (failures < backOff.threshold()) {
            return Optional.empty();
        }
        locks++;
        lockedUntil = now.plus(backOff.lock(locks));
        lastActivity = lockedUntil;
        failures = 0;
        windowStart = null;
        return Optional.of(lockedUntil);
    }

    /** Nothing worth remembering: no lock and no failure within the last window. */
    boolean forgettable(Instant now) {
        return lastActivity == null || quietSince(now);
    }

    private boolean quietSince(Instant now) {
        return Duration.between(lastActivity, now).compareTo(backOff.window()) > 0;
    }

    int failures() {
        return failures;
    }

    Instant windowStart() {
        return windowStart;
    }

    int locks() {
        return locks;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    Instant lastActivity() {
        return lastActivity;
    }
}
