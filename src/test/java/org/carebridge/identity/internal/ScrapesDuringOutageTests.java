package org.carebridge.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A scraper whose password was verified a moment ago still gets the metrics while the database is down; nobody else does. */
class ScrapesDuringOutageTests {

    private final AtomicBoolean databaseDown = new AtomicBoolean();
    private Instant now = Instant.parse("2026-12-01T08:00:00Z");

    /** The real sign-in's behaviour: the right password of "admin" passes while the database answers. */
    private final AuthenticationManager signIn = authentication -> {
        if (databaseDown.get()) {
            throw new DataAccessResourceFailureException("The database is out of reach at sign-in");
        }
        if (!"admin".equals(authentication.getName()) || !"right".equals(authentication.getCredentials())) {
            throw new BadCredentialsException("Bad credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated("admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
    };

    private final ScrapesDuringOutage scrapes = new ScrapesDuringOutage(signIn, Duration.ofMinutes(15), new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });

    @Test
    void aScraperVerifiedBeforeTheOutageIsLetInDuringIt() {
        scrapes.authenticate(login("admin", "right"));
        databaseDown.set(true);
        now = now.plus(Duration.ofMinutes(14));

        Authentication during = scrapes.authenticate(login("admin", "right"));

        assertThat(during.isAuthenticated()).isTrue();
        assertThat(during.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
    }

    @Test
    void aWrongPasswordOrAnUnknownScraperIsNotLetInDuringTheOutage() {
        scrapes.authenticate(login("admin", "right"));
        databaseDown.set(true);

        assertThatThrownBy(() -> scrapes.authenticate(login("admin", "wrong")))
                .isInstanceOf(DataAccessResourceFailureException.class);
        assertThatThrownBy(() -> scrapes.authenticate(login("someone", "right")))
                .isInstanceOf(DataAccessResourceFailureException.class);
    }

    @Test
    void theTrustEndsAfterItsTime() {
        scrapes.authenticate(login("admin", "right"));
        databaseDown.set(true);
        now = now.plus(Duration.ofMinutes(15));

        assertThatThrownBy(() -> scrapes.authenticate(login("admin", "right")))
                .isInstanceOf(DataAccessResourceFailureException.class);
    }

    @Test
    void aPasswordRefusedSinceIsForgotten() {
        scrapes.authenticate(login("admin", "right"));
        assertThatThrownBy(() -> scrapes.authenticate(login("admin", "wrong"))).isInstanceOf(BadCredentialsException.class);
        databaseDown.set(true);

        assertThatThrownBy(() -> scrapes.authenticate(login("admin", "right")))
                .isInstanceOf(DataAccessResourceFailureException.class);
    }

    private static Authentication login(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }
}
