package org.carebridge.shared;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Problem details as CareBridge writes them: a stable type URI per kind and the bad fields by name. */
public final class Problems {

    public static final String TYPE_BASE = "https://carebridge.org/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String kind, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + kind));
        return problem;
    }

    public static ProblemDetail invalid(List<FieldError> errors) {
        String fields = String.join(", ", errors.stream().map(FieldError::field).distinct().toList());
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid field(s): " + fields);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * 503: the database cannot be reached. Nothing promises that a write did not happen (its commit may
     * have been what failed); the client repeats it after {@code retryAfterSeconds}, as with any 503.
     */
    public static ProblemDetail databaseUnavailable() {
        ProblemDetail problem = of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                "CareBridge cannot reach its database just now; try again in a few seconds");
        problem.setTitle("Database unavailable");
        problem.setProperty("retryAfterSeconds", DatabaseUnavailable.RETRY_AFTER.toSeconds());
        return problem;
    }

    /** Answers with the problem from a servlet filter, where no MVC handler writes it. */
    public static void send(HttpServletResponse response, ProblemDetail problem, ObjectMapper json) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
