package org.carebridge.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.servlet.Filter;
import org.carebridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Every door (the API's and the metrics' HTTP Basic, the UI's login form) checks passwords through the
 * lockout of repeated failures, then the cache of recently verified credentials: without it every
 * API call would spend tens of milliseconds of CPU on BCrypt (as it once did, unnoticed by the unit
 * tests of the cache itself). Around them, a database outage is told apart from a wrong password.
 */
@IntegrationTest
class SignInWiringIT {

    @Autowired
    FilterChainProxy security;

    @Test
    void httpBasicAndTheLoginFormUseTheLockoutAndTheRecentlyVerifiedCredentials() {
        List<Filter> filters = security.getFilterChains().stream().map(SecurityFilterChain::getFilters)
                .flatMap(List::stream).toList();
        List<Filter> signIns = filters.stream()
                .filter(f -> f instanceof BasicAuthenticationFilter || f instanceof UsernamePasswordAuthenticationFilter)
                .toList();
        assertThat(signIns).hasSize(3);
        assertThat(signIns).allSatisfy(filter -> {
            Object manager = ReflectionTestUtils.getField(filter, "authenticationManager");
            if (manager instanceof ScrapesDuringOutage metrics) {
                manager = metrics.delegate();
            }
            assertThat(manager).isInstanceOf(DatabaseOutageAtSignIn.class);
            manager = ((DatabaseOutageAtSignIn) manager).delegate();
            assertThat(manager).isInstanceOf(ProviderManager.class);
            assertThat(((ProviderManager) manager).getProviders()).singleElement()
                    .isInstanceOfSatisfying(SignInLockout.class, lockout ->
                            assertThat(lockout.delegate()).isInstanceOf(RecentlyVerifiedCredentials.class));
        });
    }
}
