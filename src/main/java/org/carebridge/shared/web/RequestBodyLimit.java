package org.carebridge.shared.web;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.carebridge.shared.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An API body larger than {@code carebridge.api.max-body} ({@code max-schedule-body} for scheduling
 * problems) is refused with 413 before anything reads it
 * into objects: a declared length is judged at once; a chunked body (no length) is read up to the limit
 * and served from memory, or refused as soon as it passes it. (Tomcat then swallows the rest of a refused
 * body up to {@code server.tomcat.max-swallow-size}, so the client reads the answer, and closes the
 * connection on a larger one.) Runs after sign-in (an anonymous caller
 * gets 401, not a measure of our limits) and before the idempotency filter, which reads whole bodies.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class RequestBodyLimit extends OncePerRequestFilter {

    private final long apiLimit;
    private final long scheduleLimit;
    private final ObjectMapper json;

    RequestBodyLimit(@Value("${carebridge.api.max-body:1MB}") DataSize limit,
            @Value("${carebridge.api.max-schedule-body:8MB}") DataSize scheduleLimit, ObjectMapper json) {
        this.apiLimit = limit.toBytes();
        this.scheduleLimit = scheduleLimit.toBytes();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitOf(request);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(response, limit);
            return;
        }
        if (declared >= 0 || request.getHeader("Transfer-Encoding") == null) {
            chain.doFilter(request, response); // the server reads no more than the declared length
            return;
        }
        InputStream in = request.getInputStream();
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (body.length > limit) {
            refuse(response, limit);
            return;
        }
        chain.doFilter(new RequestWithBody(request, body), response);
    }

    /** A week's scheduling problem of a whole province (5,000 appointments) is about 2 MB of JSON. */
    private long limitOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api/schedules") || path.startsWith("/api/schedules/") ? scheduleLimit : apiLimit;
    }

    private void refuse(HttpServletResponse response, long limit) throws IOException {
        ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                "The request body is larger than the " + DataSize.ofBytes(limit).toKilobytes()
                        + " KB the API accepts; nothing was stored");
        problem.setProperty("maxBytes", limit);
        Problems.send(response, problem, json);
    }
}
