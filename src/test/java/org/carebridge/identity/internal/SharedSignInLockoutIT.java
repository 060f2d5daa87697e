package org.carebridge.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.carebridge.ApiClient;
import org.carebridge.DemoData;
import org.carebridge.IntegrationTest;
import org.carebridge.identity.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A second node on the application's database (H2, or PostgreSQL in the postgres run): the running
 * application and a lockout built as another node would build it count the same failures and refuse
 * the same locked accounts. Guesses come from documentation addresses (192.0.2.0/24), so that the
 * loopback address the other tests sign in from is never locked.
 */
@IntegrationTest
class SharedSignInLockoutIT {

    @LocalServerPort
    int port;
    @Autowired
    AuthenticationManager thisNode;
    @Autowired
    StaffUserDetailsService users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    AuditLog audit;
    @Value("${carebridge.sign-in.first-lock}")
    Duration firstLock;

    @Test
    void anAccountLockedOnThisNodeIsRefusedByAnotherNodeOnTheSameDatabase() {
        String username = newAccount("right password 1");
        for (int guess = 0; guess < 5; guess++) {
            int attempt = guess;
            assertThatThrownBy(() -> thisNode.authenticate(attempt(username, "guess " + attempt, "192.0.2.10")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> anotherNode().authenticate(attempt(username, "right password 1", "192.0.2.11")))
                .isInstanceOf(SignInLockedException.class);
    }

    @Test
    void anAccountLockedOnAnotherNodeIsRefusedHereOverHttpEvenWithTheRightPassword() {
        String username = newAccount("right password 2");
        AuthenticationProvider otherNode = anotherNode();
        assertThat(ApiClient.as(port, username, "right password 2").get("/api/me").status()).isEqualTo(200);
        for (int guess = 0; guess < 5; guess++) {
            int attempt = guess;
            assertThatThrownBy(() -> otherNode.authenticate(attempt(username, "guess " + attempt, "192.0.2.12")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        ApiClient.Response refused = ApiClient.as(port, username, "right password 2").get("/api/me");
        assertThat(refused.status()).as("even with its password verified here a moment ago").isEqualTo(401);
        assertThat(refused.body().path("detail").asText()).contains("locked");
    }

    @Test
    void aSourceLockedOnAnotherNodeIsRefusedOnThisOne() {
        AuthenticationProvider otherNode = anotherNode();
        for (int guess = 0; guess < 20; guess++) {
            int attempt = guess;
            assertThatThrownBy(() -> otherNode.authenticate(attempt("nobody" + attempt, "guess", "192.0.2.13")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> thisNode.authenticate(attempt("doctor", "doctor", "192.0.2.13")))
                .isInstanceOf(SignInLockedException.class);
        assertThat(thisNode.authenticate(attempt("doctor", "doctor", "192.0.2.14")).isAuthenticated()).isTrue();
    }

    /** What another node builds at start: the same thresholds, the same database, nothing in common in memory. */
    private AuthenticationProvider anotherNode() {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(encoder);
        Duration window = Duration.ofMinutes(15);
        return new SignInLockout(bcrypt,
                new StoredSignInFailures("ACCOUNT", new SignInBackOff(5, window, firstLock, Duration.ofHours(1)),
                        dataSource, transactions),
                new StoredSignInFailures("SOURCE", new SignInBackOff(20, window, firstLock, Duration.ofHours(1)),
                        dataSource, transactions),
                Clock.systemUTC(), audit);
    }

    private static Authentication attempt(String username, String password, String source) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(source);
        attempt.setDetails(new WebAuthenticationDetails(request));
        return attempt;
    }

    private String newAccount(String password) {
        return DemoData.newCoordinator(port, password);
    }
}
