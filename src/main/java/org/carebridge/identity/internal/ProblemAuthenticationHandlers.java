package org.carebridge.identity.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.carebridge.shared.DatabaseUnavailable;
import org.carebridge.shared.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 of the API as problem details, like every other API error (and 503 when nobody could be checked). */
final class ProblemAuthenticationHandlers {

    private final ObjectMapper json;

    ProblemAuthenticationHandlers(ObjectMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            if (DatabaseUnavailable.explains(e)) {
                // not a wrong password: nobody could be checked (DatabaseOutageAtSignIn unwraps the usual way here)
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseUnavailable.RETRY_AFTER.toSeconds()));
                write(response, Problems.databaseUnavailable());
                return;
            }
            if (!fromABrowserPage(request)) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"CareBridge\"");
            }
            if (e instanceof SignInLockedException locked) {
                long seconds = Math.max(1, Duration.between(Instant.now(), locked.until()).toSeconds() + 1);
                response.setHeader("Retry-After", Long.toString(seconds));
                write(response, Problems.of(HttpStatus.UNAUTHORIZED, "sign-in-locked",
                        "Too many failed sign-ins for this account or from this address: sign-in is locked until "
                                + locked.until() + ", even with the right password"));
                return;
            }
            write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized",
                    "Sign in with a CareBridge account (HTTP Basic)"));
        };
    }

    /**
     * A page's script or a navigation: a Basic challenge would make the browser ask for a password and
     * then send it on its own to every CareBridge request, forms from other sites included. Scripts and
     * tools (curl, HTTP libraries) still get the challenge.
     */
    private static boolean fromABrowserPage(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return "XMLHttpRequest".equalsIgnoreCase(request.getHeader(CrossSiteWriteGuard.HEADER))
                || accept != null && accept.toLowerCase(Locale.ROOT).contains(MediaType.TEXT_HTML_VALUE);
    }

    AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                "Your role does not allow " + request.getMethod() + " " + request.getRequestURI()));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        Problems.send(response, problem, json);
    }
}
