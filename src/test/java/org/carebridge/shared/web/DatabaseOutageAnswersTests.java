package org.carebridge.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * A database out of reach is answered 503 with Retry-After, whether a controller meets it (the API's
 * exception handler) or sign-in does (the filter outside Spring Security's chain); anything else is not.
 */
class DatabaseOutageAnswersTests {

    private static final CannotCreateTransactionException NO_CONNECTION = new CannotCreateTransactionException(
            "Could not open JPA EntityManager for transaction", new SQLTransientConnectionException(
                    "HikariPool-1 - Connection is not available, request timed out after 3000ms.",
                    new SQLException("Connection refused", "08001")));

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aControllerThatFindsNoDatabaseAnswers503WithRetryAfter() {
        ResponseEntity<ProblemDetail> answer = new ApiExceptionHandler().unexpected(NO_CONNECTION);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody().getType()).hasToString("https://carebridge.org/problems/database-unavailable");
        assertThat(answer.getBody().getProperties()).containsEntry("retryAfterSeconds", 5L).doesNotContainKey("reference");
    }

    @Test
    void aResponseWhoseWritingLostTheDatabaseAnswers503() throws Exception {
        ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest("GET", "/api/referrals/r/timeline"));
        ResponseEntity<Object> answer = new ApiExceptionHandler().handleException(
                new HttpMessageNotWritableException("Could not write JSON", NO_CONNECTION), request);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(((ProblemDetail) answer.getBody()).getType())
                .hasToString("https://carebridge.org/problems/database-unavailable");

        ResponseEntity<Object> bug = new ApiExceptionHandler().handleException(
                new HttpMessageNotWritableException("Could not write JSON", new IllegalStateException("bug")), request);
        assertThat(bug.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    @Test
    void anyOtherFailureIsStillA500WithAReference() {
        ResponseEntity<ProblemDetail> answer = new ApiExceptionHandler().unexpected(new IllegalStateException("bug"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getHeaders().containsKey("Retry-After")).isFalse();
        assertThat(answer.getBody().getProperties()).containsKey("reference");
        assertThat(answer.getBody().getDetail()).doesNotContain("bug");
    }

    @Test
    void aSignInThatFindsNoDatabaseAnswersAScript503AsAProblem() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/patients");
        request.addHeader("Accept", "application/json");
        MockHttpServletResponse response = new MockHttpServletResponse();

        response.setHeader("X-Request-Id", "4f6c1d2a9e7b4c01");

        new DatabaseUnavailableFilter(json).doFilter(request, response, (req, res) -> {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("request timed out after 3000ms"));
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.path("type").asText()).isEqualTo("https://carebridge.org/problems/database-unavailable");
        assertThat(problem.path("title").asText()).isEqualTo("Database unavailable");
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(response.getContentAsString()).doesNotContain("Hikari", "JDBC", "Exception");
        assertThat(response.getHeader("X-Request-Id")).as("the request's id still answers").isEqualTo("4f6c1d2a9e7b4c01");
    }

    @Test
    void aBrowserSigningInWhileTheDatabaseIsDownGetsAPageNotJson() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.addHeader("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        MockHttpServletResponse response = new MockHttpServletResponse();

        new DatabaseUnavailableFilter(json).doFilter(request, response, (req, res) -> {
            res.setContentType("application/json");   // what was begun before the failure is dropped
            throw NO_CONNECTION;
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString()).contains("cannot reach its database", "无法连接数据库");
    }

    @Test
    void otherFailuresPassThroughTheFilterUntouched() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/patients");
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThatThrownBy(() -> new DatabaseUnavailableFilter(json).doFilter(request, response, (req, res) -> {
            throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class).hasMessage("a bug");
        assertThat(response.getStatus()).isEqualTo(200);
    }
}
