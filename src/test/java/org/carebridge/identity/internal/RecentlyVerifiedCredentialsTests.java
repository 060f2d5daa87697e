package org.carebridge.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class RecentlyVerifiedCredentialsTests {

    /** Stands in for BCrypt: "secret" is the only right password; counts how often it is asked. */
    private final AtomicInteger checks = new AtomicInteger();
    private final AuthenticationProvider slowCheck = new AuthenticationProvider() {
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
    private Instant now = Instant.parse("2026-11-29T08:00:00Z");
    private final Clock clock = new Clock() {
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    };
    private final AccountRevocations revocations = new AccountRevocations(clock, Duration.ofHours(12));
    private final RecentlyVerifiedCredentials credentials =
            new RecentlyVerifiedCredentials(slowCheck, Duration.ofMinutes(5), clock, revocations);

    @Test
    void aVerifiedPasswordIsNotHashedAgainWithinItsTimeToLive() {
        credentials.authenticate(login("coordinator", "secret"));
        now = now.plus(Duration.ofMinutes(4));
        Authentication again = credentials.authenticate(login("coordinator", "secret"));
        assertThat(again.isAuthenticated()).isTrue();
        assertThat(checks).hasValue(1);
    }

    @Test
    void afterItsTimeToLiveThePasswordIsCheckedAgain() {
        credentials.authenticate(login("coordinator", "secret"));
        now = now.plus(Duration.ofMinutes(6));
        credentials.authenticate(login("coordinator", "secret"));
        assertThat(checks).hasValue(2);
    }

    @Test
    void aWrongPasswordAlwaysGoesThroughTheFullCheckAndFails() {
        credentials.authenticate(login("coordinator", "secret"));
        assertThatThrownBy(() -> credentials.authenticate(login("coordinator", "guess")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> credentials.authenticate(login("coordinator", "guess")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(3);
    }

    @Test
    void anAccountDisabledOrGivenANewPasswordIsCheckedAgainAtOnce() {
        credentials.authenticate(login("coordinator", "secret"));
        now = now.plusSeconds(1);
        revocations.revoke("coordinator");
        now = now.plusSeconds(1);
        credentials.authenticate(login("coordinator", "secret"));
        assertThat(checks).hasValue(2);
        credentials.authenticate(login("coordinator", "secret"));
        assertThat(checks).as("verified again after the change").hasValue(2);
    }

    @Test
    void anAccountChangedOnAnotherNodeIsCheckedAgainAtOnceWhateverTheClocksSay() {
        Map<String, Instant> database = new ConcurrentHashMap<>();
        RecentlyVerifiedCredentials thisNode = new RecentlyVerifiedCredentials(slowCheck, Duration.ofMinutes(5), clock,
                new AccountRevocations(clock, Duration.ofHours(12), user -> Optional.ofNullable(database.get(user))));
        thisNode.authenticate(login("coordinator", "secret"));
        // the other node's clock is an hour behind: its change looks older than this node's check
        database.put("coordinator", now.minus(Duration.ofHours(1)));
        thisNode.authenticate(login("coordinator", "secret"));
        assertThat(checks).hasValue(2);
        thisNode.authenticate(login("coordinator", "secret"));
        assertThat(checks).as("verified again after the change").hasValue(2);
    }

    @Test
    void anotherUsersPasswordDoesNotOpenThisAccount() {
        credentials.authenticate(login("coordinator", "secret"));
        assertThatThrownBy(() -> credentials.authenticate(login("planner", "guess")))
                .isInstanceOf(BadCredentialsException.class);
    }

    private static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }
}
