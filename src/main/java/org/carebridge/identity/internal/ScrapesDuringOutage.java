package org.carebridge.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.carebridge.shared.DatabaseUnavailable;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;

/**
 * Sign-in for the metrics endpoint that still lets a scraper in while the database is out of reach —
 * when the connection pool's metrics matter most, and when no sign-in can be checked (the account, its
 * lock and its last change are all in the database). Only a username and password that this node
 * verified for the metrics endpoint within {@code trusted} are accepted then, compared as a keyed HMAC
 * that lives in this process's memory alone; with the database up, every scrape signs in as usual. What
 * it risks: an administrator disabled just before the outage reads aggregate counts (no patient data)
 * for at most {@code trusted}.
 */
final class ScrapesDuringOutage implements AuthenticationManager {

    private static final int MAX_ENTRIES = 100;

    private record Verified(byte[] digest, Authentication result, Instant until) {
    }

    private final AuthenticationManager delegate;
    private final Duration trusted;
    private final Clock clock;
    private final PasswordDigests digests = new PasswordDigests();
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    ScrapesDuringOutage(AuthenticationManager delegate, Duration trusted, Clock clock) {
        this.delegate = delegate;
        this.trusted = trusted;
        this.clock = clock;
    }

    AuthenticationManager delegate() {
        return delegate;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        if (username == null || !(authentication.getCredentials() instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.explains(e)) {
                verified.remove(username);
                throw e;
            }
            Verified remembered = verified.get(username);
            if (remembered != null && clock.instant().isBefore(remembered.until())
                    && PasswordDigests.same(remembered.digest(), digests.of(username, password))) {
                return remembered.result();
            }
            throw e;
        }
        if (result != null && result.isAuthenticated()) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(username, new Verified(digests.of(username, password), result, clock.instant().plus(trusted)));
        }
        return result;
    }

}
