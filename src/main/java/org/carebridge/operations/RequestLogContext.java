package org.carebridge.operations;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every log line written while a request is served carries the request's id and, once signed in, the
 * user's name ({@code requestId}, {@code user} in the logging context — fields of their own in JSON
 * logs). The id is the proxy's {@code X-Request-Id} when it sends a plausible one, else a new one, and
 * the response echoes it, so that a user's report, the proxy's log and CareBridge's log meet.
 */
@Configuration(proxyBeanMethods = false)
class RequestLogContext {

    static final String HEADER = "X-Request-Id";
    static final String REQUEST_ID = "requestId";
    static final String USER = "user";

    /** Before everything but Spring Boot's own request observation, so that the security filters' lines carry it. */
    @Bean
    FilterRegistrationBean<RequestId> requestIdInTheLog() {
        FilterRegistrationBean<RequestId> registration = new FilterRegistrationBean<>(new RequestId());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Right after Spring Security's filter chain, inside it: the user is known there (HTTP Basic, or the UI's session). */
    @Bean
    FilterRegistrationBean<SignedInUser> userInTheLog() {
        FilterRegistrationBean<SignedInUser> registration = new FilterRegistrationBean<>(new SignedInUser());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    static final class RequestId extends OncePerRequestFilter {

        /** What a proxy's id looks like (nginx's 32 hex digits, a UUID, ...); anything else is replaced, not logged. */
        private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String id = request.getHeader(HEADER);
            if (id == null || !PLAUSIBLE.matcher(id).matches()) {
                id = UUID.randomUUID().toString();
            }
            response.setHeader(HEADER, id);
            MDC.put(REQUEST_ID, id);
            try {
                chain.doFilter(request, response);
            } finally {
                MDC.remove(REQUEST_ID);
            }
        }
    }

    static final class SignedInUser extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
                chain.doFilter(request, response);
                return;
            }
            MDC.put(USER, user.getName());
            try {
                chain.doFilter(request, response);
            } finally {
                MDC.remove(USER);
            }
        }
    }
}
