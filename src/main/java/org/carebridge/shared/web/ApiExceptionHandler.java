package org.carebridge.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.carebridge.shared.BusyException;
import org.carebridge.shared.ConflictException;
import org.carebridge.shared.DatabaseUnavailable;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shared.JsonFieldErrors;
import org.carebridge.shared.NotFoundException;
import org.carebridge.shared.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.mapping.PropertyReferenceException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of an API call into an RFC 7807 problem: 400 naming each bad field, 404, 409,
 * 403, 429 with {@code Retry-After}, 503 with {@code Retry-After} while the database cannot be reached —
 * and for anything unforeseen a 500 that carries a reference to the log, never a stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return Problems.invalid(e.errors());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return Problems.invalid(errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return Problems.invalid(List.of(new FieldError(e.getName(), "is not a valid " + JsonFieldErrors.typeName(e.getRequiredType()))));
    }

    @ExceptionHandler(PropertyReferenceException.class)
    ProblemDetail unknownSortProperty(PropertyReferenceException e) {
        return Problems.invalid(List.of(new FieldError("sort", "cannot sort by " + e.getPropertyName())));
    }

    @ExceptionHandler(InvalidDataAccessApiUsageException.class)
    ResponseEntity<ProblemDetail> invalidQuery(InvalidDataAccessApiUsageException e) {
        if (e.getCause() instanceof PropertyReferenceException reference) {
            return ResponseEntity.badRequest().body(unknownSortProperty(reference));
        }
        return unexpected(e);
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "conflict", e.getMessage());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem;
    }

    /** Every place for the work is taken: try again after the header's seconds; nothing was stored. */
    @ExceptionHandler(BusyException.class)
    ResponseEntity<ProblemDetail> busy(BusyException e) {
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "busy", e.getMessage());
        problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail staleVersion(OptimisticLockingFailureException e) {
        return Problems.of(HttpStatus.CONFLICT, "conflict", "The record was changed by someone else; reload it and try again");
    }

    /** Two people worked the same process step at once; the engine kept the first. */
    @ExceptionHandler(OptimisticLockingException.class)
    ProblemDetail concurrentProcessStep(OptimisticLockingException e) {
        return Problems.of(HttpStatus.CONFLICT, "conflict", "Someone else changed this step at the same time; reload it");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.info("Refused a write that breaks a database constraint: {}", e.getMostSpecificCause().getMessage());
        return Problems.of(HttpStatus.CONFLICT, "conflict", "The request conflicts with a stored record");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    /**
     * Whatever type the layers wrapped it in (a transaction that could not begin, a Camunda command, a
     * Hibernate query): a database out of reach is the database's outage, not CareBridge's bug.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.explains(e)) {
            return databaseUnavailable(e);
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure, reference {}", reference, e);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "CareBridge could not complete the request; quote reference " + reference + " to support");
        problem.setProperty("reference", reference);
        return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** One line in the log, no stack: during an outage every request fails alike and the pool logs the cause. */
    private static ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("Answered 503, the database is out of reach: {}", e.toString());
        ProblemDetail problem = Problems.databaseUnavailable();
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseUnavailable.RETRY_AFTER.toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * Framework exceptions answered with 5xx are CareBridge's fault: they go to the log. Unless the database went
     * away under them: a response whose writing reads names from the database (timeline rows) fails as
     * "could not write JSON" when PostgreSQL restarts, and that is 503 like any other outage.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (status.is5xxServerError() && DatabaseUnavailable.explains(e)) {
            ResponseEntity<ProblemDetail> answer = databaseUnavailable(e);
            return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(answer.getBody());
        }
        if (status.is5xxServerError()) {
            log.error("Failed to answer {}", request.getDescription(false), e);
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors()
                .forEach(f -> errors.add(new FieldError(f.getField(), f.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors()
                .forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
        return ResponseEntity.badRequest().body(Problems.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new FieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest()
                .body(Problems.invalid(List.of(new FieldError(e.getParameterName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(Problems.invalid(List.of(JsonFieldErrors.describe(e.getCause()))));
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
