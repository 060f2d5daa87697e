package org.carebridge.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When an account was last disabled, given a new password or new roles: a password verified, or a
 * session begun, before then no longer counts. Recorded once the change is committed, so that no
 * request can verify the old state after it. Kept for as long as a session may last.
 */
@Component
public class AccountRevocations {

    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Instant> revokedAt = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration remembered;

    AccountRevocations() {
        this(Clock.systemUTC(), SessionLifetime.ABSOLUTE);
    }

    AccountRevocations(Clock clock, Duration remembered) {
        this.clock = clock;
        this.remembered = remembered;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StaffAccountChanged changed) {
        revoke(changed.username());
    }

    void revoke(String username) {
        Instant now = clock.instant();
        if (revokedAt.size() >= MAX_ENTRIES) {
            revokedAt.values().removeIf(at -> at.plus(remembered).isBefore(now));
        }
        revokedAt.put(username, now);
    }

    /** Whether the account changed at or after {@code since}. */
    boolean revokedSince(String username, Instant since) {
        Instant at = username == null ? null : revokedAt.get(username);
        return at != null && !at.isBefore(since);
    }
}
