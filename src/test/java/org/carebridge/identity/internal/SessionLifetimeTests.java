package org.carebridge.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class SessionLifetimeTests {

    private final Instant began = Instant.parse("2026-12-01T08:00:00Z");

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aBusySessionEndsTwelveHoursAfterItBegan() throws Exception {
        assertThat(survives(began.plus(Duration.ofHours(11)), new AccountRevocations())).isTrue();
        assertThat(survives(began.plus(Duration.ofHours(12)), new AccountRevocations())).isFalse();
    }

    @Test
    void aSessionEndsAtOnceWhenItsAccountChanges() throws Exception {
        AccountRevocations revocations = new AccountRevocations(Clock.fixed(began.plusSeconds(60), ZoneOffset.UTC),
                Duration.ofHours(12));
        revocations.revoke("nurse");
        assertThat(survives(began.plusSeconds(120), revocations)).isFalse();
    }

    private boolean survives(Instant at, AccountRevocations revocations) throws Exception {
        MockHttpSession session = new MockHttpSession() {
            @Override
            public long getCreationTime() {
                return began.toEpochMilli();
            }
        };
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(session);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("nurse", null, List.of()));
        new SessionLifetime(SessionLifetime.ABSOLUTE, revocations, Clock.fixed(at, ZoneOffset.UTC))
                .doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        return !session.isInvalid() && SecurityContextHolder.getContext().getAuthentication() != null;
    }
}
