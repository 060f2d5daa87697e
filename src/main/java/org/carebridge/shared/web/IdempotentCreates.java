package org.carebridge.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.carebridge.shared.Problems;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A create sent again with the same {@code Idempotency-Key} by the same user gets the first answer back
 * (status, body, Location) and creates nothing; the same key with another request is 422.
 *
 * <p>One filter rather than a helper per controller, because the key must be taken in the very
 * transaction that creates the object: the filter opens that transaction, inserts the key row first and
 * lets the controller's services join it. A second identical request inserting the same (user, key)
 * then waits on the first's uncommitted row (or is refused at once, depending on the database), and
 * looks again once the first has committed or rolled back — so two requests at once make one object,
 * on H2 and on PostgreSQL alike. Only successful answers are kept: a refused create stored nothing,
 * so it may be corrected and sent again with the same key.
 */
@Component
class IdempotentCreates extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Duration KEPT = Duration.ofHours(24);
    /** How long a request waits for another one with the same key to finish. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final List<Pattern> CREATES = List.of(
            Pattern.compile("/api/(referrals|teleconsults|record-requests|patients)/?"),
            Pattern.compile("/api/patients/[^/]+/(observations|consents)/?"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    IdempotentCreates(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ObjectMapper json) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return CREATES.stream().noneMatch(create -> create.matcher(path).matches());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > 200) {
            refuse(response, HttpStatus.BAD_REQUEST, "invalid-request", HEADER + " must have 1 to 200 characters");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = fingerprint(request, body);
        String username = user.getName();
        jdbc.update("delete from idempotency_key where created_at < ?", Timestamp.from(clock.instant().minus(KEPT)));

        Instant giveUp = clock.instant().plus(PATIENCE);
        while (true) {
            Answer first = firstAnswer(username, key);
            if (first != null) {
                if (first.fingerprint().equals(fingerprint)) {
                    first.replay(response);
                } else {
                    refuse(response, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "The " + HEADER
                            + " " + key + " was already used for another request; use a new key for a new request");
                }
                return;
            }
            try {
                ContentCachingResponseWrapper captured = createOnce(username, key, fingerprint,
                        new RequestWithBody(request, body), response, chain);
                captured.copyBodyToResponse();
                return;
            } catch (KeyTaken taken) {
                if (clock.instant().isAfter(giveUp)) {
                    refuse(response, HttpStatus.CONFLICT, "conflict",
                            "A request with " + HEADER + " " + key + " is still being processed; try again later");
                    return;
                }
                pause();
            }
        }
    }

    /** Takes the key and runs the create in one transaction; keeps the answer if it succeeded. */
    private ContentCachingResponseWrapper createOnce(String username, String key, String fingerprint,
            HttpServletRequest request, HttpServletResponse response, FilterChain chain) {
        return transactions.execute(status -> {
            try {
                jdbc.update("insert into idempotency_key (username, idempotency_key, fingerprint, created_at)"
                        + " values (?, ?, ?, ?)", username, key, fingerprint, Timestamp.from(clock.instant()));
            } catch (DataAccessException another) {
                throw new KeyTaken();
            }
            ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
            try {
                chain.doFilter(request, captured);
            } catch (IOException | ServletException e) {
                throw new IllegalStateException(e);
            }
            boolean created = HttpStatus.valueOf(captured.getStatus()).is2xxSuccessful();
            if (created && status.isRollbackOnly()) {
                throw new IllegalStateException("The create answered " + captured.getStatus() + " but was rolled back");
            }
            if (created) {
                jdbc.update("update idempotency_key set status = ?, content_type = ?, location = ?, body = ?"
                        + " where username = ? and idempotency_key = ?", captured.getStatus(),
                        captured.getContentType(), captured.getHeader(HttpHeaders.LOCATION),
                        new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8), username, key);
            } else {
                status.setRollbackOnly();
            }
            return captured;
        });
    }

    private Answer firstAnswer(String username, String key) {
        return jdbc.query("select fingerprint, status, content_type, location, body from idempotency_key"
                        + " where username = ? and idempotency_key = ? and status is not null and created_at >= ?",
                rs -> rs.next() ? new Answer(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)) : null,
                username, key, Timestamp.from(clock.instant().minus(KEPT)));
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String kind, String detail) throws IOException {
        ProblemDetail problem = Problems.of(status, kind, detail);
        problem.setProperty("header", HEADER);
        Problems.send(response, problem, json);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Answer(String fingerprint, int status, String contentType, String location, String body) {

        void replay(HttpServletResponse response) throws IOException {
            response.setStatus(status);
            if (contentType != null) {
                response.setContentType(contentType);
            }
            if (location != null) {
                response.setHeader(HttpHeaders.LOCATION, location);
            }
            response.setHeader("Idempotent-Replayed", "true");
            if (body != null) {
                response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** Another request holds or has used this key. */
    private static final class KeyTaken extends RuntimeException {
        KeyTaken() {
            super(null, null, false, false);
        }
    }
}
