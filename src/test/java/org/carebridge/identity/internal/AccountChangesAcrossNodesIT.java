package org.carebridge.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.carebridge.ApiClient;
import org.carebridge.DemoData;
import org.carebridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An administrator changes an account on this node; another node on the same database, which verified
 * the account's password a moment before and remembers it, judges the next request by the new roles,
 * and ends the sessions begun before the change.
 */
@IntegrationTest
class AccountChangesAcrossNodesIT {

    @LocalServerPort
    int port;
    @Autowired
    StaffUserDetailsService users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void rolesTakenAwayOnThisNodeNoLongerCountOnAnotherThatRememberedThePassword() {
        String username = newAccount("long enough 1");
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(encoder);
        AccountRevocations otherNodesRevocations = new AccountRevocations(jdbc);
        RecentlyVerifiedCredentials otherNode = new RecentlyVerifiedCredentials(bcrypt, Duration.ofMinutes(5),
                Clock.systemUTC(), otherNodesRevocations);
        assertThat(roles(otherNode.authenticate(login(username)))).containsExactly("ROLE_COORDINATOR");
        Instant sessionBegan = Instant.now();

        assertThat(ApiClient.as(port, "admin").put("/api/users/" + username + "/access",
                Map.of("roles", List.of("RECORDS_OFFICER"), "regionIds", List.of(1))).status()).isEqualTo(200);

        assertThat(roles(otherNode.authenticate(login(username)))).containsExactly("ROLE_RECORDS_OFFICER");
        assertThat(otherNodesRevocations.revokedSince(username, sessionBegan)).as("its UI sessions end").isTrue();
    }

    @Test
    void anAccountDisabledOnThisNodeIsRefusedByAnotherThatRememberedThePassword() {
        String username = newAccount("long enough 1");
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(encoder);
        RecentlyVerifiedCredentials otherNode = new RecentlyVerifiedCredentials(bcrypt, Duration.ofMinutes(5),
                Clock.systemUTC(), new AccountRevocations(jdbc));
        assertThat(otherNode.authenticate(login(username)).isAuthenticated()).isTrue();

        assertThat(ApiClient.as(port, "admin").put("/api/users/" + username + "/enabled", Map.of("enabled", false))
                .status()).isEqualTo(204);

        assertThatThrownBy(() -> otherNode.authenticate(login(username)))
                .isInstanceOf(DisabledException.class);
    }

    private static List<String> roles(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    private static Authentication login(String username) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, "long enough 1");
    }

    private String newAccount(String password) {
        return DemoData.newCoordinator(port, password);
    }
}
