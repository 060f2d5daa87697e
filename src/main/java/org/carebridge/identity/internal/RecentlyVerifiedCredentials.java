package org.carebridge.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Remembers, for a few minutes, that a username and password were verified. HTTP Basic sends the
 * password with every API call, and BCrypt is deliberately slow (tens of milliseconds of CPU): checking
 * it on every call would make the hash the bottleneck of the API. Only a keyed HMAC of the password is
 * kept, under a key that lives in this process's memory alone; a wrong password never matches the
 * remembered one and goes through the full BCrypt check.
 */
final class RecentlyVerifiedCredentials implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    /** {@code changedAt}: the account's last change as read before its password was verified. */
    private record Verified(byte[] digest, Authentication result, Instant at, Instant until,
            Optional<Instant> changedAt) {
    }

    private final AuthenticationProvider delegate;
    private final Duration timeToLive;
    private final Clock clock;
    private final PasswordDigests digests = new PasswordDigests();
    private final AccountRevocations revocations;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    RecentlyVerifiedCredentials(AuthenticationProvider delegate, Duration timeToLive, Clock clock) {
        this(delegate, timeToLive, clock, new AccountRevocations(clock, timeToLive));
    }

    /**
     * Forgets what it verified of an account as soon as {@code revocations} says the account changed: on
     * this node, or on any node (its last change in the database is no longer the one read when the
     * password was verified). That costs one indexed read per remembered sign-in, against BCrypt's tens
     * of milliseconds, and no node's clock is trusted for it.
     */
    RecentlyVerifiedCredentials(AuthenticationProvider delegate, Duration timeToLive, Clock clock,
            AccountRevocations revocations) {
        this.delegate = delegate;
        this.revocations = revocations;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (username == null || !(credentials instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        byte[] digest = digests.of(username, password);
        Verified remembered = verified.get(username);
        Instant now = clock.instant();
        if (remembered != null && now.isBefore(remembered.until())
                && PasswordDigests.same(remembered.digest(), digest)
                && !revocations.revokedHereSince(username, remembered.at())
                && revocations.changedAt(username).equals(remembered.changedAt())) {
            return remembered.result();
        }
        // read before the password is checked: a change committed during the check reads differently next time
        Optional<Instant> changedAt = revocations.changedAt(username);
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(username, new Verified(digest, result, now, now.plus(timeToLive), changedAt));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

}
