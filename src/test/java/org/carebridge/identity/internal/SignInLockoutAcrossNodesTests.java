package org.carebridge.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.carebridge.identity.AuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Two nodes of CareBridge on one database, each with a lockout of its own: what one counts and locks,
 * the other honours. (SharedSignInLockoutIT does the same on the application's H2 and PostgreSQL.)
 */
class SignInLockoutAcrossNodesTests {

    private static final AuthenticationProvider PASSWORD_CHECK = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication a) {
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

    private Instant now = Instant.parse("2026-12-01T08:00:00Z");
    private final Clock clock = new Clock() {
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    };
    private final EmbeddedDatabase database = SignInLockoutTests.signInFailureTable();
    private final SignInLockout first = node(5);
    private final SignInLockout second = node(5);

    @AfterEach
    void dropDatabase() {
        database.shutdown();
    }

    @Test
    void anAccountLockedOnOneNodeIsRefusedOnTheOtherEvenWithTheRightPassword() {
        guess(first, "nurse", 5, "10.0.0.1");
        assertThatThrownBy(() -> signIn(second, "nurse", "secret", "10.0.0.2"))
                .isInstanceOfSatisfying(SignInLockedException.class,
                        locked -> assertThat(locked.until()).isEqualTo(now.plus(Duration.ofMinutes(1))));
        now = now.plus(Duration.ofMinutes(1)).plusSeconds(1);
        assertThat(signIn(second, "nurse", "secret", "10.0.0.2").isAuthenticated()).isTrue();
    }

    @Test
    void failuresCountedOnTwoNodesAddUp() {
        guess(first, "nurse", 3, "10.0.0.1");
        guess(second, "nurse", 2, "10.0.0.1");
        assertThatThrownBy(() -> signIn(first, "nurse", "secret", "10.0.0.3")).isInstanceOf(SignInLockedException.class);
        assertThatThrownBy(() -> signIn(second, "nurse", "secret", "10.0.0.3")).isInstanceOf(SignInLockedException.class);
    }

    @Test
    void aSourceLockedOnOneNodeIsRefusedOnTheOther() {
        SignInLockout firstSourceOfTwo = node(100, 2);
        guess(firstSourceOfTwo, "nobody1", 1, "10.0.0.9");
        guess(firstSourceOfTwo, "nobody2", 1, "10.0.0.9");
        SignInLockout secondSourceOfTwo = node(100, 2);
        assertThatThrownBy(() -> signIn(secondSourceOfTwo, "doctor", "secret", "10.0.0.9"))
                .isInstanceOf(SignInLockedException.class);
        assertThat(signIn(secondSourceOfTwo, "doctor", "secret", "10.0.0.1").isAuthenticated()).isTrue();
    }

    @Test
    void theNextLockLastsTwiceAsLongWhicheverNodeCountsIt() {
        guess(first, "nurse", 5, "10.0.0.1");
        now = now.plus(Duration.ofMinutes(2));
        guess(second, "nurse", 5, "10.0.0.1");
        assertThatThrownBy(() -> signIn(first, "nurse", "secret", "10.0.0.1"))
                .isInstanceOfSatisfying(SignInLockedException.class,
                        locked -> assertThat(locked.until()).isEqualTo(now.plus(Duration.ofMinutes(2))));
    }

    @Test
    void aRightPasswordOnOneNodeClearsTheAccountsFailuresForBoth() {
        guess(first, "nurse", 4, "10.0.0.1");
        assertThat(signIn(second, "nurse", "secret", "10.0.0.1").isAuthenticated()).isTrue();
        guess(first, "nurse", 4, "10.0.0.1");
        assertThat(signIn(second, "nurse", "secret", "10.0.0.1").isAuthenticated()).as("4 + 4 never reached 5").isTrue();
    }

    @Test
    void failuresOnTwoNodesAtOnceAreAllCounted() throws Exception {
        SignInLockout a = node(1_000, 1_000);
        SignInLockout b = node(1_000, 1_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> guesses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                SignInLockout node = i % 2 == 0 ? a : b;
                guesses.add(() -> {
                    guess(node, "nurse", 1, "10.0.0.1");
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(guesses)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(new JdbcTemplate(database).queryForList("select failures from sign_in_failure", Integer.class))
                .as("the account's and the address's").containsExactly(40, 40);
    }

    @Test
    void accountsAndAddressesQuietForAWholeWindowAreForgotten() {
        guess(first, "nurse", 3, "10.0.0.1");
        now = now.plus(Duration.ofMinutes(16));
        guess(second, "doctor", 1, "10.0.0.2");
        assertThat(new JdbcTemplate(database).queryForList("select name from sign_in_failure", String.class))
                .containsExactlyInAnyOrder("doctor", "10.0.0.2");
    }

    private SignInLockout node(int accountThreshold) {
        return node(accountThreshold, 20);
    }

    private SignInLockout node(int accountThreshold, int sourceThreshold) {
        Duration window = Duration.ofMinutes(15);
        return new SignInLockout(PASSWORD_CHECK,
                new StoredSignInFailures("ACCOUNT",
                        new SignInBackOff(accountThreshold, window, Duration.ofMinutes(1), Duration.ofHours(1)), database),
                new StoredSignInFailures("SOURCE",
                        new SignInBackOff(sourceThreshold, window, Duration.ofMinutes(1), Duration.ofHours(1)), database),
                clock, mock(AuditLog.class));
    }

    private void guess(SignInLockout node, String username, int times, String source) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> signIn(node, username, "guess", source)).isInstanceOf(BadCredentialsException.class);
        }
    }

    private static Authentication signIn(SignInLockout node, String username, String password, String source) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(source);
        attempt.setDetails(new WebAuthenticationDetails(request));
        return node.authenticate(attempt);
    }
}
