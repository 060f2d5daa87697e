package org.carebridge.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.carebridge.identity.AuditAction;
import org.carebridge.identity.AuditLog;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Locks an account, and separately a source address, after repeated failed sign-ins (see
 * {@link SignInBackOff}). A locked sign-in is refused before its password is checked, even when it is
 * right, and audited. Only failures count: staff who sign in correctly again and again never lock.
 * A success clears its account's failures but not its address's, so that one known password does not
 * reset a guesser's count. Kept in this process's memory, bounded like {@link RecentlyVerifiedCredentials}.
 */
final class SignInLockout implements AuthenticationProvider {

    private static final int MAX_TRACKED = 10_000;

    private final AuthenticationProvider delegate;
    private final SignInBackOff perAccount;
    private final SignInBackOff perSource;
    private final Clock clock;
    private final AuditLog audit;
    private final Map<String, FailedSignIns> accounts = new ConcurrentHashMap<>();
    private final Map<String, FailedSignIns> sources = new ConcurrentHashMap<>();

    SignInLockout(AuthenticationProvider delegate, SignInBackOff perAccount, SignInBackOff perSource, Clock clock,
            AuditLog audit) {
        this.delegate = delegate;
        this.perAccount = perAccount;
        this.perSource = perSource;
        this.clock = clock;
        this.audit = audit;
    }

    AuthenticationProvider delegate() {
        return delegate;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String account = accountOf(authentication);
        String source = sourceOf(authentication);
        Instant now = clock.instant();
        Optional<Instant> locked = later(lockedUntil(accounts, account, now), lockedUntil(sources, source, now));
        if (locked.isPresent()) {
            audit.recordAccountEvent(AuditAction.SIGN_IN_REFUSED, account,
                    "sign-in refused: locked until " + locked.get(), "too many failed sign-ins");
            throw new SignInLockedException(locked.get());
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            if (result != null && result.isAuthenticated()) {
                accounts.remove(account);
            }
            return result;
        } catch (BadCredentialsException wrong) {
            fail(accounts, account, perAccount, now).ifPresent(until -> audit.recordAccountEvent(
                    AuditAction.SIGN_IN_LOCKED, account, "account locked until " + until, "failed sign-ins"));
            fail(sources, source, perSource, now).ifPresent(until -> audit.recordAccountEvent(
                    AuditAction.SIGN_IN_LOCKED, account, "source " + source + " locked until " + until,
                    "failed sign-ins"));
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static Optional<Instant> lockedUntil(Map<String, FailedSignIns> tallies, String key, Instant now) {
        FailedSignIns failed = tallies.get(key);
        return failed == null ? Optional.empty() : failed.lockedUntil(now);
    }

    private Optional<Instant> fail(Map<String, FailedSignIns> tallies, String key, SignInBackOff backOff, Instant now) {
        if (tallies.size() >= MAX_TRACKED) {
            tallies.values().removeIf(failed -> failed.forgettable(now));
            if (tallies.size() >= MAX_TRACKED) {
                // a flood of made-up names or addresses: forget the oldest guesses rather than grow
                tallies.values().removeIf(failed -> failed.lockedUntil(now).isEmpty());
            }
        }
        return tallies.computeIfAbsent(key, k -> new FailedSignIns(backOff)).fail(now);
    }

    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().isAfter(a.get()) ? b : a;
    }

    /** Usernames are lower case; a long made-up one is cut to the longest a username can be. */
    private static String accountOf(Authentication authentication) {
        String name = authentication.getName() == null ? "" : authentication.getName().strip().toLowerCase(Locale.ROOT);
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    private static String sourceOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress()
                : "unknown";
    }
}
