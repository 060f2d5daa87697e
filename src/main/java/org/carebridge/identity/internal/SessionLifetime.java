package org.carebridge.identity.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in UI session 12 hours after it began however active it is (the servlet container
 * ends it after 30 idle minutes, {@code server.servlet.session.timeout}), and at once when its account
 * was disabled or given a new password after it began. The request then goes on as anonymous, so the
 * user is sent to the login view. Not a bean: Spring Boot would put a filter bean in front of every request.
 */
final class SessionLifetime extends OncePerRequestFilter {

    static final Duration ABSOLUTE = Duration.ofHours(12);

    private final Duration absolute;
    private final AccountRevocations revocations;
    private final Clock clock;

    SessionLifetime(Duration absolute, AccountRevocations revocations, Clock clock) {
        this.absolute = absolute;
        this.revocations = revocations;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)) {
            Instant began = Instant.ofEpochMilli(session.getCreationTime());
            if (!began.plus(absolute).isAfter(clock.instant()) || revocations.revokedSince(user.getName(), began)) {
                session.invalidate();
                SecurityContextHolder.clearContext();
            }
        }
        chain.doFilter(request, response);
    }
}
