package org.carebridge.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.carebridge.shared.DatabaseUnavailable;
import org.carebridge.shared.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A database outage that escapes everything else — above all sign-in, which reads the account, its
 * failed sign-ins and its last change on every request before any controller runs — is answered with
 * 503 and {@code Retry-After}: a problem for the API, a short page for a browser (the sign-in form).
 * Never a 500 with a stack trace, and never a 401 that would tell a right password it is wrong. Runs
 * just outside Spring Security's filter chain, so that it sees what sign-in throws.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 1)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>CareBridge</title></head>
            <body style="font-family: sans-serif; margin: 3em">
            <h1>CareBridge 暂时无法连接数据库</h1><p>请几秒钟后重试；此前已保存的内容不会丢失。</p>
            <h1 lang="en">CareBridge cannot reach its database just now</h1>
            <p lang="en">Try again in a few seconds; what was saved before is kept.</p>
            </body></html>
            """;

    private final ObjectMapper json;

    DatabaseUnavailableFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseUnavailable.explains(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Answered 503 to {} {}, the database is out of reach: {}", request.getMethod(),
                    request.getRequestURI(), e.toString());
            // whatever was begun goes; headers stay (the request's id, the security headers)
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseUnavailable.RETRY_AFTER.toSeconds()));
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            if (wantsAPage(request)) {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
                response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
            } else {
                Problems.send(response, Problems.databaseUnavailable(), json);
            }
        }
    }

    /** A browser's navigation or form post; scripts and API clients get the problem. */
    private static boolean wantsAPage(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && accept != null && accept.toLowerCase(Locale.ROOT).contains(MediaType.TEXT_HTML_VALUE);
    }
}
