package org.carebridge.identity.internal;

import org.carebridge.shared.DatabaseUnavailable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;

/**
 * A sign-in that could not read the account because the database is out of reach is not a wrong
 * password. Spring Security wraps a failed account lookup in an authentication failure, which would
 * answer 401 (or the login form's "wrong username or password"); unwrapped, it reaches the filter that
 * answers a database outage with 503 ({@code shared.web.DatabaseUnavailableFilter}), as the lockout's
 * own reads already do.
 */
final class DatabaseOutageAtSignIn implements AuthenticationManager {

    private final AuthenticationManager delegate;

    DatabaseOutageAtSignIn(AuthenticationManager delegate) {
        this.delegate = delegate;
    }

    AuthenticationManager delegate() {
        return delegate;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        try {
            return delegate.authenticate(authentication);
        } catch (InternalAuthenticationServiceException e) {
            if (DatabaseUnavailable.explains(e)) {
                throw new DataAccessResourceFailureException("The database is out of reach at sign-in", e);
            }
            throw e;
        }
    }
}
