package org.carebridge.identity.internal;

import java.time.Duration;

/**
 * When a run of failed sign-ins locks an account or a source address, and for how long: {@code
 * threshold} failures within {@code window} lock for {@code firstLock}, each further lock twice as
 * long as the one before, never longer than {@code longestLock}.
 */
record SignInBackOff(int threshold, Duration window, Duration firstLock, Duration longestLock) {

    SignInBackOff {
        if (threshold < 1 || window.isNegative() || firstLock.isNegative() || longestLock.compareTo(firstLock) < 0) {
            throw new IllegalArgumentException("a sign-in back-off needs a positive threshold and firstLock <= longestLock");
        }
    }

    /** The length of the {@code lockNumber}th lock in a row (the first is 1). */
    Duration lock(int lockNumber) {
        Duration lock = firstLock;
        for (int i = 1; i < lockNumber && lock.compareTo(longestLock) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(longestLock) > 0 ? longestLock : lock;
    }
}
