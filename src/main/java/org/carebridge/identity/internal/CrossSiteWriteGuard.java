package org.carebridge.identity.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.carebridge.shared.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API has no CSRF token: it is for scripts, signed in with HTTP Basic on every call. But a browser
 * that once took Basic credentials for CareBridge sends them again on its own — also with a form another
 * site posts to {@code POST /api/tasks/{id}/claim} or {@code /api/referrals/{id}/cancel}, which need no
 * body. Such a form can send neither a JSON body nor a header of its own (both need the CORS preflight
 * CareBridge never grants), so a write must carry one of them: {@code Content-Type: application/json}
 * (or {@code application/*+json}) or an {@code X-Requested-With} header with any value. Checked before
 * sign-in, so a forged request neither acts nor counts as a failed sign-in.
 */
final class CrossSiteWriteGuard extends OncePerRequestFilter {

    static final String HEADER = "X-Requested-With";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final ObjectMapper json;

    CrossSiteWriteGuard(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!WRITES.contains(request.getMethod()) || request.getHeader(HEADER) != null || isJson(request.getContentType())) {
            chain.doFilter(request, response);
            return;
        }
        ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "cross-site-request",
                "A " + request.getMethod() + " to the API needs a JSON body (Content-Type application/json) or an "
                        + HEADER + " header: a form posted from another site can send neither");
        problem.setProperty("header", HEADER);
        Problems.send(response, problem, json);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
            return "application".equalsIgnoreCase(type.getType()) && (subtype.equals("json") || subtype.endsWith("+json"));
        } catch (InvalidMimeTypeException e) {
            return false;
        }
    }
}
