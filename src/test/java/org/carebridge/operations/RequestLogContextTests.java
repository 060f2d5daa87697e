package org.carebridge.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** What the log knows of a request while it is served, and that it forgets it afterwards. */
class RequestLogContextTests {

    private final Map<String, String> seen = new HashMap<>();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theProxysRequestIdIsLoggedAndEchoed() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
        request.addHeader("X-Request-Id", "7d3f0c5e9a1b4d2c8e6f0a1b2c3d4e5f");
        MockHttpServletResponse response = new MockHttpServletResponse();

        new RequestLogContext.RequestId().doFilter(request, response, (req, res) -> remember("requestId"));

        assertThat(seen).containsEntry("requestId", "7d3f0c5e9a1b4d2c8e6f0a1b2c3d4e5f");
        assertThat(response.getHeader("X-Request-Id")).isEqualTo("7d3f0c5e9a1b4d2c8e6f0a1b2c3d4e5f");
        assertThat(MDC.get("requestId")).as("forgotten after the request").isNull();
    }

    @Test
    void withoutAPlausibleIdANewOneIsMade() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
        request.addHeader("X-Request-Id", "a\nforged log line");
        MockHttpServletResponse response = new MockHttpServletResponse();

        new RequestLogContext.RequestId().doFilter(request, response, (req, res) -> remember("requestId"));

        assertThat(seen.get("requestId")).matches("[0-9a-f-]{36}").isEqualTo(response.getHeader("X-Request-Id"));
    }

    @Test
    void theSignedInUserIsLoggedButNotTheAnonymousOne() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "coordinator", null, AuthorityUtils.createAuthorityList("ROLE_COORDINATOR")));
        new RequestLogContext.SignedInUser().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                (req, res) -> remember("user"));
        assertThat(seen).containsEntry("user", "coordinator");
        assertThat(MDC.get("user")).isNull();

        seen.clear();
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        new RequestLogContext.SignedInUser().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                (req, res) -> remember("user"));
        assertThat(seen.get("user")).isNull();
    }

    private void remember(String key) {
        seen.put(key, MDC.get(key));
    }
}
