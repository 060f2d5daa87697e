package org.carebridge;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * A user of the REST API, signed in with HTTP Basic (password = username for the demo users). Like every
 * script that calls the API it sends {@code X-Requested-With}, without which a write with no JSON body
 * (a claim, a cancel) is refused as a possible cross-site form.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    public static final String REQUESTED_WITH = "X-Requested-With";
    private static final String SCRIPT = "CareBridge tests";

    private final RestClient rest;
    private final Map<String, String> headers;

    private ApiClient(RestClient rest, Map<String, String> headers) {
        this.rest = rest;
        this.headers = headers;
    }

    public static ApiClient as(int port, String username) {
        return as(port, username, username);
    }

    public static ApiClient as(int port, String username, String password) {
        return new ApiClient(RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(username, password, StandardCharsets.UTF_8))
                .defaultHeader(REQUESTED_WITH, SCRIPT).build(), Map.of());
    }

    public static ApiClient anonymous(int port) {
        return new ApiClient(RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(REQUESTED_WITH, SCRIPT).build(), Map.of());
    }

    /** The same user, stating why they read or write (recorded in the audit log). */
    public ApiClient withPurpose(String purpose) {
        return new ApiClient(rest, Map.of("X-Purpose", purpose));
    }

    /** The same user, sending one more header with every request (e.g. {@code Idempotency-Key}, {@code If-Match}). */
    public ApiClient withHeader(String name, String value) {
        Map<String, String> with = new java.util.HashMap<>(headers);
        with.put(name, value);
        return new ApiClient(rest, Map.copyOf(with));
    }

    /** The same user, reading in that language ({@code Accept-Language}). */
    public ApiClient inLanguage(String language) {
        Map<String, String> with = new java.util.HashMap<>(headers);
        with.put("Accept-Language", language);
        return new ApiClient(rest, Map.copyOf(with));
    }

    public Response get(String path) {
        return exchange(HttpMethod.GET, path, null);
    }

    public Response post(String path, Object body) {
        return exchange(HttpMethod.POST, path, body);
    }

    public Response put(String path, Object body) {
        return exchange(HttpMethod.PUT, path, body);
    }

    public Response exchange(HttpMethod method, String path, Object body) {
        RestClient.RequestBodySpec request = rest.method(method).uri(path);
        headers.forEach(request::header);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body instanceof String text ? text : toJson(body));
        }
        ResponseEntity<String> response = request.retrieve()
                .onStatus(status -> true, (req, res) -> { })
                .toEntity(String.class);
        return new Response(response.getStatusCode().value(), response.getHeaders(), parse(response.getBody()));
    }

    static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
        } catch (Exception e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    public record Response(int status, HttpHeaders headers, JsonNode body) {

        /** The fields a 400 problem names. */
        public List<String> badFields() {
            List<String> fields = new ArrayList<>();
            body.path("errors").forEach(e -> fields.add(e.path("field").asText()));
            return fields;
        }

        public boolean isProblem() {
            MediaType type = headers.getContentType();
            return type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
