package org.carebridge.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

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
 * reset a guesser's count. The counts live in the database ({@link StoredSignInFailures}), so every node
 * refuses what one node locked; a sign-in reads its account's and its address's row, and writes only
 * when it fails or clears earlier failures.
 */
final class SignInLockout implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final StoredSignInFailures accounts;
    private final StoredSignInFailures sources;
    private final Clock clock;
    private final AuditLog audit;

    SignInLockout(AuthenticationProvider delegate, StoredSignInFailures accounts, StoredSignInFailures sources,
            Clock clock, AuditLog audit) {
        this.delegate = delegate;
        this.accounts = accounts;
        this.sources = sources;
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
        Optional<FailedSignIns> accountFailures = accounts.find(account);
        Optional<Instant> locked = later(accountFailures.flatMap(failed -> failed.lockedUntil(now)),
                sources.find(source).flatMap(failed -> failed.lockedUntil(now)));
        if (locked.isPresent()) {
            audit.recordAccountEvent(AuditAction.SIGN_IN_REFUSED, account,
                    "sign-in refused: locked until " + locked.get(), "too many failed sign-ins");
            throw new SignInLockedException(locked.get());
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            if (result != null && result.isAuthenticated() && accountFailures.isPresent()) {
                accounts.forget(account);
            }
            return result;
        } catch (BadCredentialsException wrong) {
            accounts.fail(account, now).ifPresent(until -> audit.recordAccountEvent(
                    AuditAction.SIGN_IN_LOCKED, account, "account locked until " + until, "failed sign-ins"));
            sources.fail(source, now).ifPresent(until -> audit.recordAccountEvent(
                    AuditAction.SIGN_IN_LOCKED, account, "source " + source + " locked until " + until,
                    "failed sign-ins"));
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
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
