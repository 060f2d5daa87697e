package org.carebridge.identity.internal;

import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/** A sign-in refused without looking at the password: too many failures from the account or the address. */
public final class SignInLockedException extends LockedException {

    private final transient Instant until;

    SignInLockedException(Instant until) {
        super("Too many failed sign-ins: locked until " + until);
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
