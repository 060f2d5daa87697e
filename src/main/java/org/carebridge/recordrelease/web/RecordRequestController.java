package org.carebridge.recordrelease.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import org.carebridge.recordrelease.BundleExpiredException;
import org.carebridge.recordrelease.RecordRequestDetails;
import org.carebridge.recordrelease.RecordRequestFilter;
import org.carebridge.recordrelease.RecordRequestSubmission;
import org.carebridge.recordrelease.RecordRequests;
import org.carebridge.recordrelease.ReleaseTimelineEntry;
import org.carebridge.recordrelease.ReleasedBundle;
import org.carebridge.shared.Problems;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code shared/spec/teleconsult-and-records.md}, "Record release". */
@RestController
@RequestMapping("/api/record-requests")
class RecordRequestController {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    private final RecordRequests requests;

    RecordRequestController(RecordRequests requests) {
        this.requests = requests;
    }

    @PostMapping
    ResponseEntity<RecordRequestDetails> submit(@Valid @RequestBody RecordRequestSubmission submission) {
        RecordRequestDetails created = requests.submit(submission);
        return ResponseEntity.created(URI.create("/api/record-requests/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    RecordRequestDetails request(@PathVariable UUID id) {
        return requests.request(id);
    }

    @GetMapping
    Page<RecordRequestDetails> search(RecordRequestFilter filter, @PageableDefault(size = 20) Pageable page) {
        return requests.search(filter, page);
    }

    @GetMapping("/{id}/timeline")
    List<ReleaseTimelineEntry> timeline(@PathVariable UUID id) {
        return requests.timeline(id);
    }

    /** Body {@code {"reason": "..."}}. */
    @PostMapping("/{id}/cancel")
    RecordRequestDetails cancel(@PathVariable UUID id, @RequestBody(required = false) JsonNode body) {
        String reason = body == null || !body.path("reason").isTextual() ? null : body.path("reason").asText();
        return requests.cancel(id, reason);
    }

    /** The released FHIR R4 Bundle, with its SHA-256 as the ETag. */
    @GetMapping("/{id}/bundle")
    ResponseEntity<String> bundle(@PathVariable UUID id) {
        ReleasedBundle bundle = requests.bundle(id);
        return ResponseEntity.ok().contentType(FHIR_JSON).eTag("\"" + bundle.sha256() + "\"")
                .header("X-Content-SHA256", bundle.sha256()).body(bundle.json());
    }

    @ExceptionHandler(BundleExpiredException.class)
    ProblemDetail expired(BundleExpiredException e) {
        return Problems.of(HttpStatus.GONE, "gone", e.getMessage());
    }
}
