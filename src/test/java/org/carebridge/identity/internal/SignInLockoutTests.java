package org.carebridge.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.carebridge.identity.AuditAction;
import org.carebridge.identity.AuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

class SignInLockoutTests {

    /** Stands in for the password check: "secret" is every account's password; counts the checks. */
    private final AtomicInteger checks = new AtomicInteger();
    private final AuthenticationProvider passwordCheck = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication a) {
            checks.incrementAndGet();
            if (!"secret".equals(a.getCredentials())) {
                throw new BadCredentialsException("wrong");
            }
            return UsernamePasswordAuthenticationToken.authenticated(a.getName(), null, List.of());
        }

        @Override
        public boolean supports(Class<?> type) {
            return true;
        }
    };
    private final Instant now = Instant.parse("2026-12-01T08:00:00Z");
    private final AuditLog audit = mock(AuditLog.class);
    /** The table of the migration, in an H2 database of this test's own. */
    static EmbeddedDatabase signInFailureTable() {
        return new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true)
                .addScript("db/migration/common/V12__sign_in_failures.sql").build();
    }

    private final EmbeddedDatabase database = signInFailureTable();
    private final SignInLockout lockout = new SignInLockout(passwordCheck,
            new StoredSignInFailures("ACCOUNT",
                    new SignInBackOff(5, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(1)), database),
            new StoredSignInFailures("SOURCE",
                    new SignInBackOff(20, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(1)), database),
            Clock.fixed(now, ZoneOffset.UTC), audit);

    @AfterEach
    void dropDatabase() {
        database.shutdown();
    }

    @Test
    void signingInRightAgainAndAgainNeverLocks() {
        for (int i = 0; i < 100; i++) {
            signIn("coordinator", "secret", "10.0.0.1");
        }
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> signIn("coordinator", "wrong", "10.0.0.1")).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(signIn("coordinator", "secret", "10.0.0.1").isAuthenticated()).isTrue();
    }

    @Test
    void aLockedAccountIsRefusedWithTheRightPasswordWhichIsNotEvenChecked() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn("nurse", "guess", "10.0.0.1")).isInstanceOf(BadCredentialsException.class);
        }
        int checked = checks.get();
        assertThatThrownBy(() -> signIn("nurse", "secret", "10.0.0.2")).isInstanceOf(SignInLockedException.class);
        assertThat(checks.get()).isEqualTo(checked);
        verify(audit).recordAccountEvent(eq(AuditAction.SIGN_IN_LOCKED), eq("nurse"), any(), any());
        verify(audit).recordAccountEvent(eq(AuditAction.SIGN_IN_REFUSED), eq("nurse"), any(), any());
        assertThat(signIn("doctor", "secret", "10.0.0.1").isAuthenticated()).as("another account").isTrue();
    }

    @Test
    void aSourceGuessingManyAccountsIsLockedButOtherSourcesAreNot() {
        for (int i = 0; i < 20; i++) {
            String username = "nobody" + i;
            assertThatThrownBy(() -> signIn(username, "guess", "10.0.0.9")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> signIn("doctor", "secret", "10.0.0.9")).isInstanceOf(SignInLockedException.class);
        assertThat(signIn("doctor", "secret", "10.0.0.1").isAuthenticated()).isTrue();
    }

    private Authentication signIn(String username, String password, String source) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(source);
        attempt.setDetails(new WebAuthenticationDetails(request));
        return lockout.authenticate(attempt);
    }
}
