package org.carebridge.identity.internal;

import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.carebridge.identity.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /actuator/prometheus} for administrators, signed in with HTTP Basic like the API (a scraper is a
 * script, not a browser): anonymous 401, other roles 403, both as problems. The other actuator paths stay
 * with the UI's chain (health public, the rest administrators'). A chain of its own, before the API's, so
 * that the API's table ({@link ApiAccessRules}) keeps to {@code /api}.
 */
@Configuration(proxyBeanMethods = false)
class MetricsEndpointSecurity {

    /** How long a scraper's verified password is trusted while the database cannot check it. */
    static final Duration TRUSTED_DURING_OUTAGE = Duration.ofMinutes(15);

    @Bean
    @Order(0)
    SecurityFilterChain metrics(HttpSecurity http, ObjectMapper json, AuthenticationManager authentication)
            throws Exception {
        ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers(json);
        return http
                .authenticationManager(new ScrapesDuringOutage(authentication, TRUSTED_DURING_OUTAGE, Clock.systemUTC()))
                .securityMatcher(SecurityConfiguration.path("/actuator/prometheus"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .authorizeHttpRequests(metrics -> metrics.anyRequest().hasRole(Role.ADMIN.name()))
                .build();
    }
}
