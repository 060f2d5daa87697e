package org.carebridge.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.carebridge.identity.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two doors: the API ({@code /api}, Camunda's {@code /engine-rest}) with HTTP Basic and no session,
 * and the staff UI (Vaadin, Camunda's webapps for administrators) with a login form.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    /*
     * Camunda's REST API and webapps run in servlets of their own, beside Spring MVC's: their paths are
     * matched on the whole request path, not within the MVC servlet.
     */
    static final RequestMatcher CAMUNDA_REST = path("/engine-rest/**");
    static final RequestMatcher CAMUNDA_WEBAPPS = path("/camunda/**");

    static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * Sign-in for both doors: locked accounts and addresses are refused first (counted in the database,
     * so for every node alike), then a recently verified password is accepted without BCrypt unless
     * the account changed since, then BCrypt decides. A database out of reach is no failed sign-in
     * ({@link DatabaseOutageAtSignIn}).
     */
    @Bean
    AuthenticationManager authenticationManager(StaffUserDetailsService users, PasswordEncoder encoder,
            AccountRevocations revocations, AuditLog audit, DataSource dataSource,
            PlatformTransactionManager transactions,
            @Value("${carebridge.sign-in.account-threshold:5}") int accountThreshold,
            @Value("${carebridge.sign-in.source-threshold:20}") int sourceThreshold,
            @Value("${carebridge.sign-in.window:15m}") Duration window,
            @Value("${carebridge.sign-in.first-lock:1m}") Duration firstLock,
            @Value("${carebridge.sign-in.longest-lock:1h}") Duration longestLock) {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(encoder);
        Clock clock = Clock.systemUTC();
        RecentlyVerifiedCredentials cache = new RecentlyVerifiedCredentials(bcrypt, Duration.ofMinutes(5), clock,
                revocations);
        return new DatabaseOutageAtSignIn(new ProviderManager(new SignInLockout(cache,
                new StoredSignInFailures("ACCOUNT", new SignInBackOff(accountThreshold, window, firstLock, longestLock),
                        dataSource, transactions),
                new StoredSignInFailures("SOURCE", new SignInBackOff(sourceThreshold, window, firstLock, longestLock),
                        dataSource, transactions),
                clock, audit)));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, AuthenticationManager authentication)
            throws Exception {
        ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers(json);
        return http
                .authenticationManager(authentication)
                .securityMatcher(new OrRequestMatcher(path("/api/**"), CAMUNDA_REST))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new CrossSiteWriteGuard(json), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        // also over the "no-cache" Camunda's REST API sets: no copy of an answer on any disk
                        .addHeaderWriter((request, response) -> response.setHeader("Cache-Control",
                                "no-cache, no-store, max-age=0, must-revalidate")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .authorizeHttpRequests(ApiAccessRules::apply)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain ui(HttpSecurity http, AuthenticationManager authentication, AccountRevocations revocations)
            throws Exception {
        http.authenticationManager(authentication);
        http.authorizeHttpRequests(ui -> ui
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                // Cockpit's API as Camunda's REST API: read and retry jobs, never change a case
                .requestMatchers(CamundaOperations.WEBAPP_READS_AND_RETRIES).hasRole("ADMIN")
                .requestMatchers(path("/camunda/api/**")).denyAll()
                .requestMatchers(CAMUNDA_WEBAPPS).hasRole("ADMIN")
                .requestMatchers("/actuator/**").hasRole("ADMIN"));
        // Camunda's webapps guard themselves against CSRF with their own token.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(CAMUNDA_WEBAPPS));
        // same-origin, not no-referrer: Camunda's webapps check the Origin of a write, which no-referrer blanks
        http.headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        http.addFilterBefore(new SessionLifetime(SessionLifetime.ABSOLUTE, revocations, Clock.systemUTC()),
                AnonymousAuthenticationFilter.class);
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView("/login", "/login?logout"));
        return http.build();
    }

    /** Camunda's webapps trust the Spring Security sign-in instead of asking for a second password. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSingleSignOn() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider",
                CamundaWebappAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(101); // after Spring Security's filter chain
        return registration;
    }

    /**
     * Camunda's REST API runs as the signed-in user (Spring Security's, already checked) with their roles
     * as groups, so that Camunda's own authorization checks apply to it ({@link CamundaAuthorizations}).
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> camundaRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider",
                CamundaWebappAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(101); // after Spring Security's filter chain
        return registration;
    }
}
